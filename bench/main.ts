// `npm run bench`: Ordo's order intake under load against the machine's PostgreSQL,
// next to the database's own ceiling for the same writes. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { describeCpu, measureCpu, type CpuSplit } from './cpu-usage.ts';
import { createBenchDatabase, type BenchDatabase } from './database.ts';
import { measureCeiling } from './db-ceiling.ts';
import { JsonClient } from './http-client.ts';
import { driveOrders } from './http-load.ts';
import { describeDrain, waitForOutboxDrain } from './outbox-drain.ts';
import { parseOptions } from './options.ts';
import { orderBodyFactory } from './order-bodies.ts';
import { describeCeiling, describeLoad, goalVerdict, markdownTable, summarize, type ConcurrencyRuns } from './report.ts';
import { seedShop } from './seed.ts';
import { startServer, type RunningServer } from './server.ts';

const options = parseOptions(process.argv.slice(2));
const adminKey = `ordo_sk_bench${randomBytes(16).toString('hex')}`;
let database: BenchDatabase | null = null;
let server: RunningServer | null = null;

async function cleanUp(): Promise<void> {
  await server?.stop().catch((error) => console.error('stopping the server failed:', error));
  server = null;
  if (database && !options.keepDatabase) await database.drop().catch((error) => console.error('dropping the database failed:', error));
  else if (database) console.log(`kept database ${database.name}`);
  database = null;
}

process.once('SIGINT', () => { void cleanUp().finally(() => process.exit(130)); });

try {
  console.log(`Ordo bench: ${options.runs} run(s) x ${options.seconds} s at concurrency ${options.concurrencies.join(', ')}; ` +
    `${options.workers} API process(es), pool ${options.poolMax}; ${cpus().length} CPU(s), Node ${process.version}` +
    `${options.payment ? `; every order pays by ${options.payment}` : ''}${options.idempotency ? '; every order with an Idempotency-Key' : ''}`);
  database = await createBenchDatabase(options.adminUrl);
  server = await startServer({ databaseUrl: database.url, adminKey, workers: options.workers, poolMax: options.poolMax, profileDir: options.profileDir, root: options.root, jobsProcess: options.jobsProcess });
  const seeding = performance.now();
  const client = new JsonClient(server.origin, adminKey);
  const skus = await seedShop(client);
  await client.close();
  console.log(`seeded ${skus.length} SKUs x 3 locations through the API in ${((performance.now() - seeding) / 1000).toFixed(1)} s (database ${database.name})`);

  const nextBody = orderBodyFactory(skus, options.payment);
  const origin = server.origin;
  if (options.warmupSeconds > 0) {
    if (!options.skipHttp) await driveOrders({ origin, key: adminKey, concurrency: 8, seconds: options.warmupSeconds, nextBody, idempotency: options.idempotency });
    if (!options.skipCeiling) await measureCeiling(database.url, 8, Math.min(2, options.warmupSeconds), options.ceilingPoolMax);
  }
  // VACUUM ANALYZE after the warm-up, when the order tables hold rows. Analyzed while
  // empty, PostgreSQL plans the foreign-key checks (cached per connection) as sequential
  // scans, and every order then scans the whole table; new statistics also make open
  // connections re-plan. The vacuum clears the fresh database's autovacuum backlog. A
  // production database is in this state; the benchmark starts from it.
  if (options.afterSeedSql) {
    await database.run(readFileSync(options.afterSeedSql, 'utf8'));
    console.log(`ran ${options.afterSeedSql}`);
  }
  await database.vacuumAnalyze();
  const results: ConcurrencyRuns[] = options.concurrencies.map((concurrency) => ({ concurrency, http: [], ceiling: [], backlog: [] }));
  for (let run = 1; run <= options.runs; run++) {
    console.log(`run ${run}/${options.runs}`);
    // Ordo and the ceiling alternate, so both see the same table sizes and machine noise.
    for (const entry of results) {
      if (!options.skipHttp) {
        const cpu = measureCpu(server.pids, database.name);
        let split: CpuSplit | null = null;
        const result = await driveOrders({
          origin, key: adminKey, concurrency: entry.concurrency, seconds: options.seconds, nextBody, idempotency: options.idempotency,
          onLoadEnd: () => { split = cpu.stop(); },
        });
        entry.http.push(result);
        console.log(`  ${describeLoad(result)}${describeCpu(split, result.perSecond)}`);
        const drain = await waitForOutboxDrain(database.url, options.drainSeconds);
        entry.backlog.push(drain.backlog);
        console.log(describeDrain(drain));
      }
      if (!options.skipCeiling) {
        const cpu = measureCpu([], database.name);
        let split: CpuSplit | null = null;
        const result = await measureCeiling(database.url, entry.concurrency, options.seconds, options.ceilingPoolMax, () => { split = cpu.stop(); });
        entry.ceiling.push(result);
        console.log(`  ${describeCeiling(result)}${describeCpu(split, result.perSecond)}`);
      }
    }
  }
  const rows = summarize(results);
  console.log(`\nMedians of ${options.runs} run(s), ${options.seconds} s each; orders of ${3} lines; errors summed over all runs.\n`);
  console.log(markdownTable(rows));
  if (!options.skipHttp && !options.skipCeiling) console.log(`\n${goalVerdict(rows)}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
