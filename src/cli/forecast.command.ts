// `ordo forecast …`: offline accuracy evaluation and inventory simulation on a wide CSV, and
// the DB-backed `forecast run` (forecast-run.command.ts). `forecastCommand(program)` returns
// the same `forecast` group whichever side registers first.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isMethodName, type MethodName } from '../modules/forecasting/engine/methods.ts';
import { DEFAULT_METHODS, evaluate, forecastsCsv, formatEvaluation, readWideCsv } from '../modules/forecasting/evaluate.ts';
import { formatSimulation, simulate } from '../modules/forecasting/simulation.ts';
import { registerForecastRunCommand } from './forecast-run.command.ts';

/** The `forecast` command group, created on first use. */
export function forecastCommand(program: Command): Command {
  const existing = program.commands.find((c) => c.name() === 'forecast');
  return existing ?? program.command('forecast').description('demand forecasting: run on the database, evaluate methods, simulate replenishment');
}

function positiveInt(name: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${v}`);
    return n;
  };
}

function nonNegativeInt(name: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${v}`);
    return n;
  };
}

function methodList(v: string): MethodName[] {
  const names = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = names.filter((n) => !isMethodName(n));
  if (unknown.length > 0 || names.length === 0) throw new Error(`unknown method(s): ${unknown.join(', ') || '(none given)'}`);
  return names.filter(isMethodName);
}

function levelList(v: string): number[] {
  const levels = v.split(',').map((s) => Number(s.trim()));
  if (levels.some((a) => !(a > 0 && a < 1))) throw new Error(`service levels must lie strictly between 0 and 1, got ${v}`);
  return levels;
}

interface EvaluateFlags {
  csv: string;
  horizon: number;
  season: number;
  out?: string;
  methods?: MethodName[];
}

interface SimulateFlags {
  csv: string;
  horizon: number;
  season: number;
  leadTime: number;
  review: number;
  serviceLevels: number[];
  service: string;
  methods: MethodName[];
}

/** Registers `ordo forecast evaluate`, `ordo forecast simulate` and `ordo forecast run`. */
export function registerForecastCommands(program: Command): void {
  const group = forecastCommand(program);
  registerForecastRunCommand(group);

  group.command('evaluate').description('hold out the last points of every series and score each method (MASE, RMSSE, WQL)')
    .requiredOption('--csv <file>', 'wide CSV: period column, then one column per series (NA = missing)')
    .option('--horizon <n>', 'points held out and forecast', positiveInt('--horizon'), 12)
    .option('--season <n>', 'season length in periods', positiveInt('--season'), 12)
    .option('--out <file>', 'write forecasts as model,series,step,point,q0.1,…,q0.9')
    .option('--methods <list>', `comma-separated methods (default ${DEFAULT_METHODS.join(',')})`, methodList)
    .action(async (flags: EvaluateFlags) => {
      const data = await readWideCsv(flags.csv);
      const result = evaluate(data, { horizon: flags.horizon, season: flags.season, methods: flags.methods ?? DEFAULT_METHODS });
      console.log(`${data.series.length} series, ${data.periods.length} periods, horizon ${flags.horizon}, season ${flags.season}\n`);
      console.log(formatEvaluation(result.table));
      if (flags.out) {
        await writeFile(flags.out, forecastsCsv(result));
        console.log(`\nforecasts written to ${flags.out}`);
      }
    });

  group.command('simulate').description('replay the hold-out through an (R, S) stock policy driven by each method')
    .requiredOption('--csv <file>', 'wide CSV: period column, then one column per series (NA = missing)')
    .option('--horizon <n>', 'hold-out periods replayed', positiveInt('--horizon'), 12)
    .option('--season <n>', 'season length in periods', positiveInt('--season'), 12)
    .option('--lead-time <n>', 'lead time L in periods', nonNegativeInt('--lead-time'), 2)
    .option('--review <n>', 'review period R in periods', positiveInt('--review'), 1)
    .option('--service-levels <list>', 'target service levels α', levelList, [0.9, 0.95, 0.99])
    .option('--service <kind>', 'read α as cycle service level, fill rate, or both', 'both')
    .option('--methods <list>', 'methods driving the policy', methodList, ['auto', 'seasonal_naive'] as MethodName[])
    .action(async (flags: SimulateFlags) => {
      if (!['cycle', 'fill', 'both'].includes(flags.service)) throw new Error('--service must be cycle, fill or both');
      const data = await readWideCsv(flags.csv);
      const rows = simulate(data, {
        horizon: flags.horizon,
        season: flags.season,
        leadTime: flags.leadTime,
        reviewPeriod: flags.review,
        serviceLevels: flags.serviceLevels,
        services: flags.service === 'both' ? ['fill', 'cycle'] : [flags.service === 'fill' ? 'fill' : 'cycle'],
        methods: flags.methods,
      });
      console.log(`${data.series.length} series, hold-out ${flags.horizon}, lead time ${flags.leadTime}, review ${flags.review}\n`);
      console.log(formatSimulation(rows));
    });
}
