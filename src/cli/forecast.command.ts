import type { Command } from 'commander';

/** Registers `ordo forecast …` (filled in by the forecasting work). */
export function registerForecastCommands(_program: Command): void {}
