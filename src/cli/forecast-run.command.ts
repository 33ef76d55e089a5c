// `ordo forecast run`: the forecasting pass against the configured database — refresh
// the demand history from the orders (only the days touched since the last pass, or all
// with --full), forecast every product × location and store the stock policies that the
// replenishment suggestions read. The server runs the same pass on a timer.
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openRuntime } from '../runtime.ts';
import { runForecastingPass } from '../modules/forecasting/index.ts';

/** Registers `ordo forecast run` in the given `forecast` command group. */
export function registerForecastRunCommand(group: Command): void {
  group.command('run').description('refresh demand history from the orders, forecast every product × location, store replenishment policies')
    .option('--tenant <id>', 'only this tenant (default: every tenant)')
    .option('--full', 'rebuild the whole demand history, not only the days touched since the last run')
    .action(async (flags: { tenant?: string; full?: boolean }) => {
      const db = await openRuntime(loadConfig());
      try {
        const results = await runForecastingPass(db.kysely, { tenantId: flags.tenant, full: flags.full === true });
        for (const r of results) {
          console.log(`${r.tenantId}: demand ${r.demand.full ? 'rebuilt' : 'refreshed'} (${r.demand.days.length} day(s), ${r.demand.rows} bucket(s)); `
            + `${r.forecasts.items} item(s) forecast as of ${r.forecasts.asOf} in ${r.forecasts.ms} ms`);
        }
      } finally {
        await db.close();
      }
    });
}
