// How fast the outbox relay works off a backlog on PostgreSQL, handing batches over at once
// against the row-by-row path it replaced (the baseline, measured in the same command).
//
// It creates real orders through the API with no relay running, so their `order.created`
// rows wait in the outbox (what a peak leaves behind), then drains the outbox with one relay
// as the server runs it (pass after pass while passes come back full) and reports rows per
// second. Each order's event renders a confirmation mail and queues a delivery for each of
// two webhook endpoints. Between drains the relaying is undone (mails and deliveries
// deleted, rows unpublished, tables vacuumed), so every drain relays the same rows from
// the same state. Modes alternate within a run, so a disturbance of the machine lands on
// all of them; the report shows the median of the runs.
//
// With --pglite the same runs on the embedded database (in memory, in this process), where
// the relay holds the only connection for a pass: "ms per pass" is how long requests wait.
//
//   npx tsx bench/outbox-relay.bench.ts [--orders 3000] [--runs 3] [--batch 200] [--pglite] [--admin-url postgres://…]
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { createApiKey, ensureTenant, KeyAuthenticator } from '../src/modules/access/index.ts';
import { migrate, openDatabase, type Db } from '../src/platform/db/index.ts';
import { RELAY_BATCH_SIZE, RELAY_BATCH_SIZE_POSTGRES, runOutboxRelayOnce } from '../src/platform/outbox/index.ts';
import { measureCpu, type CpuSplit } from './cpu-usage.ts';
import { createBenchDatabase, type BenchDatabase } from './database.ts';
import { inParallel } from './http-client.ts';
import { median } from './stats.ts';
import { positiveInt } from './options.ts';

const HELP = `npx tsx bench/outbox-relay.bench.ts [flags]
  --orders <n>      orders whose events wait in the outbox (default 3000)
  --runs <n>        drains per mode; the median is reported (default 3)
  --batch <n>       batch size of the batch-at-once mode on PostgreSQL (default ${RELAY_BATCH_SIZE_POSTGRES})
  --pglite          measure on the embedded database instead (batches of ${RELAY_BATCH_SIZE} only)
  --keep-db         do not drop the benchmark database at the end
  --admin-url <url> PostgreSQL URL used to create/drop the benchmark database
                    (default $ORDO_BENCH_ADMIN_URL or postgres://postgres@127.0.0.1:5432/test)`;

const TENANT = 'ten_relaybench';
const PRODUCTS = 200;
const INTAKE_CONCURRENCY = 8;
/** Webhook endpoints of the merchant: each order.created event is queued for both. */
const ENDPOINT_TOPICS = [['order.*'], ['*']];

interface Mode { label: string; batchSize: number; rowByRow: boolean }
interface Drain { seconds: number; passes: number; cpu: CpuSplit | null }

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: {
      orders: { type: 'string' }, runs: { type: 'string' }, batch: { type: 'string' },
      'keep-db': { type: 'boolean' }, 'admin-url': { type: 'string' }, pglite: { type: 'boolean' }, help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const positive = positiveInt;
  return {
    orders: positive('orders', values.orders, 3_000),
    runs: positive('runs', values.runs, 3),
    batch: positive('batch', values.batch, RELAY_BATCH_SIZE_POSTGRES),
    keepDatabase: values['keep-db'] ?? false,
    pglite: values.pglite ?? false,
    adminUrl: values['admin-url'] ?? process.env.ORDO_BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  };
}

/** An in-process app (no server, so no relay running) and a way to call it as the tenant's admin. */
async function openApp(db: Db, config: Config) {
  const app = await buildApp({ db, config, authenticator: new KeyAuthenticator(db.kysely, 0) }, { logger: false, webRoot: false });
  await app.ready();
  await ensureTenant(db.kysely, TENANT, 'Relay bench');
  const { secret } = await createApiKey(db.kysely, TENANT, { name: 'bench', role: 'admin' });
  const post = async (url: string, body: unknown): Promise<any> => {
    const response = await app.inject({ method: 'POST', url, payload: body as object, headers: { authorization: `Bearer ${secret}` } });
    if (response.statusCode >= 300) throw new Error(`POST ${url} -> ${response.statusCode} ${response.body}`);
    return response.json();
  };
  return { app, post };
}

/** The shop, two webhook endpoints, and `count` orders (three lines each) through POST /v1/orders. */
async function placeOrders(post: (url: string, body: unknown) => Promise<any>, count: number): Promise<void> {
  await post('/v1/channels', { code: 'web', name: 'Web shop', kind: 'web' });
  await post('/v1/locations', {
    code: 'WH-A', name: 'Warehouse A', kind: 'warehouse', ships: true, pickup: false,
    address: { line1: '1 Dock Rd', city: 'Springfield', postal_code: '62701', country: 'US' },
  });
  const skus = Array.from({ length: PRODUCTS }, (_, i) => `RELAY-${String(i).padStart(3, '0')}`);
  await inParallel(skus, INTAKE_CONCURRENCY, async (sku) => {
    await post('/v1/products', { sku, name: `Product ${sku}`, price: 1_000 + Number(sku.slice(6)), currency: 'USD', inventory_policy: 'deny' });
    await post('/v1/inventory/adjustments', { sku, location: 'WH-A', delta: 1_000_000, reason: 'receipt' });
  });
  for (const topics of ENDPOINT_TOPICS) await post('/v1/webhooks', { url: 'https://hooks.example.com/ordo', topics });
  const orders = Array.from({ length: count }, (_, i) => i);
  await inParallel(orders, INTAKE_CONCURRENCY, (i) => post('/v1/orders', {
    channel: 'web', currency: 'USD',
    customer: { email: `buyer${i}@bench.example.com`, name: `Buyer ${i}` },
    shipping_address: { name: `Buyer ${i}`, line1: '1 Main St', city: 'Springfield', postal_code: '62701', country: 'US' },
    lines: [0, 1, 2].map((k) => ({ sku: skus[(i * 7 + k * 31) % PRODUCTS], quantity: 1 + k })),
  }));
}

/** The database under test: a fresh PostgreSQL database, or an in-memory embedded one. */
interface Target {
  db: Db;
  /** The PostgreSQL database's name (its backends' CPU is measured), or null. */
  name: string | null;
  /** PostgreSQL's URL (the app's config.databaseUrl), or undefined for the embedded database. */
  url: string | undefined;
  vacuumAnalyze(tables: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

async function openTarget(pglite: boolean, adminUrl: string): Promise<Target> {
  if (pglite) {
    const db = await openDatabase({});
    await migrate(db);
    return { db, name: null, url: undefined, vacuumAnalyze: (tables) => db.exec(`vacuum analyze ${tables.join(', ')}`), close: () => db.close() };
  }
  const database = await createBenchDatabase(adminUrl);
  const db = await openDatabase({ url: database.url, poolMax: INTAKE_CONCURRENCY });
  await migrate(db);
  benchDatabase = database;
  return {
    db, name: database.name, url: database.url,
    async vacuumAnalyze(tables) {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try { await client.query(`vacuum analyze ${tables.join(', ')}`); } finally { await client.end(); }
    },
    close: () => db.close(),
  };
}

/** Undoes the relaying: no mails, no deliveries, every row unpublished and due. */
async function unrelay(target: Target): Promise<void> {
  const db = target.db.kysely;
  await db.deleteFrom('notifications').execute();
  await db.deleteFrom('webhook_deliveries').execute();
  await db.updateTable('outbox').set({ published_at: null, attempts: 0, last_error: null, failed_at: null, next_attempt_at: sql<Date>`now()` }).execute();
  await target.vacuumAnalyze(['outbox', 'notifications', 'webhook_deliveries']);
}

/** Relays until a pass finds nothing, as the polling worker does with a backlog. */
async function drain(target: Target, config: Config, mode: Mode, limitRows = Number.POSITIVE_INFINITY): Promise<Drain> {
  const db = target.db;
  const cpu = measureCpu([], target.name ?? '');
  const started = performance.now();
  let passes = 0;
  let relayed = 0;
  for (;;) {
    const result = await runOutboxRelayOnce(db.kysely, { config, batchSize: mode.batchSize, rowByRow: mode.rowByRow });
    if (result.published !== result.claimed) throw new Error(`${result.claimed - result.published} rows failed to relay`);
    passes += 1;
    relayed += result.claimed;
    if (result.claimed < mode.batchSize || relayed >= limitRows) break;
  }
  const split = cpu.stop();
  // The embedded database runs in this process: its CPU is in the relay's figure.
  if (split && target.name === null) split.postgres = Number.NaN;
  return { seconds: (performance.now() - started) / 1000, passes, cpu: split };
}

/** Every row relayed once: a confirmation mail per order, a delivery per order and endpoint. */
async function checkRelayed(db: Db, orders: number): Promise<void> {
  const count = async (table: 'notifications' | 'webhook_deliveries') =>
    Number((await db.kysely.selectFrom(table).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const waiting = Number((await db.kysely.selectFrom('outbox').select(sql<string>`count(*)`.as('n')).where('published_at', 'is', null).executeTakeFirstOrThrow()).n);
  const [mails, deliveries] = [await count('notifications'), await count('webhook_deliveries')];
  if (waiting !== 0 || mails !== orders || deliveries !== orders * ENDPOINT_TOPICS.length) {
    throw new Error(`relayed wrongly: ${waiting} rows waiting, ${mails} mails, ${deliveries} deliveries for ${orders} orders`);
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const options = parseOptions(process.argv.slice(2));
let benchDatabase: BenchDatabase | null = null;
let target: Target | null = null;

async function cleanUp(): Promise<void> {
  await target?.close().catch(() => {});
  target = null;
  if (benchDatabase && !options.keepDatabase) await benchDatabase.drop().catch((error) => console.error('dropping the database failed:', error));
  else if (benchDatabase) console.log(`kept database ${benchDatabase.name}`);
  benchDatabase = null;
}
process.once('SIGINT', () => { void cleanUp().finally(() => process.exit(130)); });

try {
  console.log(`Outbox relay bench on ${options.pglite ? 'the embedded database (PGlite)' : 'PostgreSQL'}: ${fmt(options.orders)} orders, ` +
    `${options.runs} run(s) per mode; ${cpus().length} CPU(s), Node ${process.version}`);
  target = await openTarget(options.pglite, options.adminUrl);
  const db = target.db;
  const config: Config = { ...loadConfig({}), databaseUrl: target.url, publicRateLimitPerMinute: 0 };
  const { app, post } = await openApp(db, config);
  const intake = performance.now();
  await placeOrders(post, options.orders);
  await app.close();
  const waiting = Number((await db.kysely.selectFrom('outbox').select(sql<string>`count(*)`.as('n')).where('published_at', 'is', null).executeTakeFirstOrThrow()).n);
  console.log(`placed ${fmt(options.orders)} orders in ${fmt((performance.now() - intake) / 1000, 1)} s; ${fmt(waiting)} events waiting`);
  await target.vacuumAnalyze([]);

  const modes: Mode[] = [
    { label: `row by row, batch ${RELAY_BATCH_SIZE} (before)`, batchSize: RELAY_BATCH_SIZE, rowByRow: true },
    { label: `at once, batch ${RELAY_BATCH_SIZE}`, batchSize: RELAY_BATCH_SIZE, rowByRow: false },
    ...(options.pglite ? [] : [{ label: `at once, batch ${options.batch}`, batchSize: options.batch, rowByRow: false }]),
  ];
  // Warm-up: the JIT, and PostgreSQL's prepared statements on the relay's connections.
  for (const mode of modes) {
    await unrelay(target);
    await drain(target, config, mode, 600);
  }
  const results = new Map<Mode, Drain[]>(modes.map((m) => [m, []]));
  for (let run = 1; run <= options.runs; run++) {
    for (const mode of modes) {
      await unrelay(target);
      const result = await drain(target, config, mode);
      await checkRelayed(db, waiting);
      results.get(mode)!.push(result);
      const msPerRow = (cores: number) => (Number.isFinite(cores) ? fmt((cores * result.seconds * 1000) / waiting, 2) : '–');
      const cpu = result.cpu ? `; cpu ms/row: relay ${msPerRow(result.cpu.bench)}, db ${msPerRow(result.cpu.postgres)}; other cores ${fmt(result.cpu.other, 2)}` : '';
      console.log(`run ${run}  ${mode.label.padEnd(32)} ${fmt(waiting / result.seconds).padStart(6)} rows/s  ${fmt((result.seconds * 1000) / result.passes, 1).padStart(6)} ms/pass${cpu}`);
    }
  }

  console.log(`\nMedians of ${options.runs} run(s), ${fmt(waiting)} order.created events (a mail and two webhook deliveries each):\n`);
  console.log('| mode | rows/s | ms per pass | relay cpu ms/row | db cpu ms/row |');
  console.log('|---|---:|---:|---:|---:|');
  const rates = new Map<Mode, number>();
  for (const mode of modes) {
    const runs = results.get(mode)!;
    const rate = median(runs.map((r) => waiting / r.seconds));
    rates.set(mode, rate);
    const perRow = (pick: (c: CpuSplit) => number) => {
      const values = runs.flatMap((r) => (r.cpu && Number.isFinite(pick(r.cpu)) ? [(pick(r.cpu) * r.seconds * 1000) / waiting] : []));
      return values.length > 0 ? fmt(median(values), 2) : '–';
    };
    console.log(`| ${mode.label} | ${fmt(rate)} | ${fmt(median(runs.map((r) => (r.seconds * 1000) / r.passes)), 1)} | ${perRow((c) => c.bench)} | ${perRow((c) => c.postgres)} |`);
  }
  const before = rates.get(modes[0]!)!;
  const last = modes.at(-1)!;
  console.log(`\n${last.label} / row by row, batch ${RELAY_BATCH_SIZE}: ${fmt(rates.get(last)! / before, 1)}x` +
    (modes.length > 2 ? ` (at once with batch ${RELAY_BATCH_SIZE}: ${fmt(rates.get(modes[1]!)! / before, 1)}x)` : ''));
} finally {
  await cleanUp();
}
