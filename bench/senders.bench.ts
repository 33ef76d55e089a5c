// How fast the e-mail sender and the webhook delivery worker work off a backlog on
// PostgreSQL, a pass at a time in two statements (claim, outcomes) against the row-by-row
// path they replaced (the baseline, measured in the same command).
//
// In a fresh database it creates and drops, it writes N due confirmation mails (bodies the
// size of a real one) and N due webhook deliveries (an order.created envelope, two
// endpoints), beside a history of mails already sent and deliveries already made (a
// database in use keeps them: nothing prunes these tables), then drains each with one worker as the server runs it: pass after pass
// while passes come back full. Mails are "logged" (no SMTP configured), so the figure is
// what the database work costs; webhooks are POSTed to a local HTTP receiver on a thread of
// its own that answers 204. Between drains the rows are made due again as they were and
// the table vacuumed, so every drain starts from the same state. Modes alternate within a
// run, so a disturbance of the machine lands on all of them; the report shows medians.
//
// With pg_stat_statements loaded on the server it also counts the statements the database
// ran per row and times the claim's locking statement (reset and read for the benchmark
// database only). With --pglite the same runs on the embedded database (in memory).
//
//   npx tsx bench/senders.bench.ts [--rows 5000] [--history 20000] [--runs 3] [--batch 100] [--only mails|webhooks] [--pglite] [--admin-url postgres://…]
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { sql } from 'kysely';
import { ensureTenant } from '../src/modules/access/index.ts';
import { logSender, sendDueNotifications, MAIL_BATCH_SIZE, MAIL_BATCH_SIZE_POSTGRES } from '../src/modules/notifications/index.ts';
import { sendDueWebhooks, WEBHOOK_BATCH_SIZE } from '../src/modules/webhooks/index.ts';
import { migrate, openDatabase, type Db } from '../src/platform/db/index.ts';
import { measureCpu, type CpuSplit } from './cpu-usage.ts';
import { createBenchDatabase, type BenchDatabase } from './database.ts';
import { median } from './stats.ts';
import { positiveInt } from './options.ts';

const HELP = `npx tsx bench/senders.bench.ts [flags]
  --rows <n>        due mails, and due webhook deliveries, per drain (default 5000)
  --history <n>     mails already sent, and deliveries already made, in the tables (default 20000)
  --runs <n>        drains per mode; the median is reported (default 3)
  --batch <n>       batch size of the bigger one-statement mode (default ${MAIL_BATCH_SIZE_POSTGRES}, PostgreSQL's)
  --only <worker>   mails or webhooks (default both)
  --pglite          measure on the embedded database instead (batches of ${MAIL_BATCH_SIZE} only)
  --keep-db         do not drop the benchmark database at the end
  --admin-url <url> PostgreSQL URL used to create/drop the benchmark database
                    (default $ORDO_BENCH_ADMIN_URL or postgres://postgres@127.0.0.1:5432/test)`;

const TENANT = 'ten_senderbench';
/** A relay pass stores its mails with one now(): rows come in groups sharing a due time. */
const ROWS_PER_DUE_TIME = 200;
const ENDPOINTS = ['whk_bench_a', 'whk_bench_b'];

type Kind = 'mails' | 'webhooks';
interface Mode { label: string; batchSize: number; rowByRow: boolean }
interface Drain { seconds: number; passes: number; cpu: CpuSplit | null; statements: StatementCounts | null }
interface StatementCounts { calls: number; claimMs: number; claimCalls: number }

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: {
      rows: { type: 'string' }, history: { type: 'string' }, runs: { type: 'string' }, batch: { type: 'string' }, only: { type: 'string' },
      'keep-db': { type: 'boolean' }, 'admin-url': { type: 'string' }, pglite: { type: 'boolean' }, help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const positive = positiveInt;
  if (values.only !== undefined && values.only !== 'mails' && values.only !== 'webhooks') throw new Error(`--only must be mails or webhooks, got ${values.only}`);
  return {
    rows: positive('rows', values.rows, 5_000),
    history: values.history === '0' ? 0 : positive('history', values.history, 20_000),
    runs: positive('runs', values.runs, 3),
    batch: positive('batch', values.batch, MAIL_BATCH_SIZE_POSTGRES),
    workers: (values.only ? [values.only] : ['mails', 'webhooks']) as Kind[],
    keepDatabase: values['keep-db'] ?? false,
    pglite: values.pglite ?? false,
    adminUrl: values['admin-url'] ?? process.env.ORDO_BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  };
}

/** The webhook receiver, on a thread of its own so it does not share the worker's event loop: 204 to every POST. */
async function startReceiver(): Promise<{ url: string; close(): Promise<void> }> {
  const source = `
    const { createServer } = require('node:http');
    const { parentPort } = require('node:worker_threads');
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(204).end());
    });
    server.keepAliveTimeout = 60000;
    server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
    parentPort.on('message', () => { server.closeAllConnections(); server.close(() => process.exit(0)); });`;
  const thread = new Worker(source, { eval: true });
  const port = await new Promise<number>((resolve, reject) => { thread.once('message', resolve); thread.once('error', reject); });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      thread.postMessage('stop');
      await new Promise((resolve) => thread.once('exit', resolve));
    },
  };
}

/** The database under test, and what the benchmark needs of it besides the workers' own queries. */
interface Target {
  db: Db;
  /** The PostgreSQL database's name (its backends' CPU is measured), or null for the embedded one. */
  name: string | null;
  vacuumAnalyze(table: string): Promise<void>;
  /** Resets pg_stat_statements for this database; false when it is not available. */
  resetStatements(): Promise<boolean>;
  readStatements(): Promise<StatementCounts | null>;
  close(): Promise<void>;
}

async function openTarget(pglite: boolean, adminUrl: string): Promise<Target> {
  if (pglite) {
    const db = await openDatabase({});
    await migrate(db);
    return {
      db, name: null, vacuumAnalyze: (table) => db.exec(`vacuum analyze ${table}`),
      resetStatements: async () => false, readStatements: async () => null, close: () => db.close(),
    };
  }
  const database = await createBenchDatabase(adminUrl);
  benchDatabase = database;
  const db = await openDatabase({ url: database.url });
  await migrate(db);
  // A connection of the benchmark's own for vacuum and statistics; its statements are told
  // apart from the workers' by their text.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  let statements = false;
  try {
    await client.query('create extension if not exists pg_stat_statements');
    await client.query('select 1 from pg_stat_statements limit 1');
    statements = true;
  } catch { /* not loaded on this server: no statement counts */ }
  const forThisDatabase = `(select oid from pg_database where datname = current_database())`;
  return {
    db, name: database.name,
    vacuumAnalyze: async (table) => { await client.query(`vacuum analyze ${table}`); },
    async resetStatements() {
      if (!statements) return false;
      // Only this database's entries: other databases' statistics are someone else's.
      await client.query(`select pg_stat_statements_reset(0, ${forThisDatabase}, 0)`);
      return true;
    },
    async readStatements() {
      if (!statements) return null;
      const { rows } = await client.query<{ calls: string; claim_calls: string; claim_ms: string | null }>(`
        select sum(calls) as calls,
               sum(calls) filter (where query ilike '%skip locked%') as claim_calls,
               sum(total_exec_time) filter (where query ilike '%skip locked%') / nullif(sum(calls) filter (where query ilike '%skip locked%'), 0) as claim_ms
          from pg_stat_statements
         where dbid = ${forThisDatabase} and query not ilike '%pg_stat_statements%' and query not ilike 'vacuum%'`);
      const row = rows[0];
      return row ? { calls: Number(row.calls ?? 0), claimCalls: Number(row.claim_calls ?? 0), claimMs: Number(row.claim_ms ?? Number.NaN) } : null;
    },
    async close() {
      await client.end().catch(() => {});
      await db.close();
    },
  };
}

/** The tenant and its two endpoints (both to the receiver). */
async function seedEndpoints(db: Db, receiverUrl: string): Promise<void> {
  await ensureTenant(db.kysely, TENANT, 'Sender bench');
  for (const [i, id] of ENDPOINTS.entries()) {
    await db.kysely.insertInto('webhook_endpoints').values({ tenant_id: TENANT, id, url: `${receiverUrl}/hook/${i}`, secret: `whsec_bench_${i}`, topics: ['order.*'] }).execute();
  }
}

/**
 * `rows` mails and as many deliveries, ids `<prefix>…`, in groups sharing a due time over
 * the hour before `hoursAgo` hours ago: due and pending, or (history) already sent.
 */
async function seedRows(db: Db, rows: number, prefix: string, history: boolean): Promise<void> {
  if (rows === 0) return;
  const k = db.kysely;
  const hoursAgo = history ? 48 : 1;
  // Bodies of a real confirmation mail's size (about 1.3 kB of text, 2.6 kB of HTML) that
  // differ per row, so they compress no better than real ones.
  await sql`
    insert into notifications (tenant_id, id, order_id, outbox_id, template, recipient, subject, body_text, body_html,
                               status, attempts, sent_at, next_attempt_at, created_at)
    select ${TENANT}, 'ntf_' || ${prefix} || lpad(g::text, 8, '0'), 'ord_' || ${prefix} || g, g + ${history ? 0 : 1_000_000_000}::bigint, 'order_confirmed',
           'buyer' || g || '@bench.example.com', 'Order #' || (1000 + g) || ' confirmed',
           'Hi Buyer ' || g || E',\n\nThanks for your order.\n\n' || repeat(md5(${prefix} || g) || E' - 1 x Product\n', 28),
           '<p>Hi Buyer ' || g || ',</p><table>' || repeat('<tr><td>' || md5(g || ${prefix}) || '</td><td>1 x Product</td><td>$10.00</td></tr>', 36) || '</table>',
           ${history ? 'logged' : 'pending'}, ${history ? 1 : 0}::int, case when ${history}::boolean then t.due end, t.due, t.due
      from generate_series(1, ${rows}::int) g,
           lateral (select now() - ${hoursAgo}::int * interval '1 hour' + (g / ${ROWS_PER_DUE_TIME}::int) * interval '10 ms' as due) t`.execute(k);
  await sql`
    insert into webhook_deliveries (tenant_id, id, endpoint_id, outbox_id, topic, payload, status, attempts, last_status, delivered_at, next_attempt_at, created_at)
    select ${TENANT}, 'dlv_' || ${prefix} || lpad(g::text, 8, '0'), (${ENDPOINTS}::text[])[1 + g % 2], g / 2 + ${history ? 0 : 1_000_000_000}::bigint, 'order.created',
           jsonb_build_object('id', 'evt_' || (g / 2), 'topic', 'order.created', 'created_at', t.due,
             'data', jsonb_build_object('order_id', 'ord_' || ${prefix} || (g / 2), 'id', 'ord_' || ${prefix} || (g / 2), 'number', 1000 + g / 2,
               'channel', 'web', 'total', 4999, 'currency', 'USD')),
           ${history ? 'delivered' : 'pending'}, ${history ? 1 : 0}::int, case when ${history}::boolean then 204 end,
           case when ${history}::boolean then t.due end, t.due, t.due
      from generate_series(1, ${rows}::int) g,
           lateral (select now() - ${hoursAgo}::int * interval '1 hour' + (g / ${ROWS_PER_DUE_TIME}::int) * interval '10 ms' as due) t`.execute(k);
}

/** Every due row due again exactly as it was seeded (the history left alone), the table vacuumed. */
async function makeDue(target: Target, worker: Kind): Promise<void> {
  const k = target.db.kysely;
  if (worker === 'mails') {
    await sql`update notifications set status = 'pending', attempts = 0, next_attempt_at = created_at, last_error = null, smtp_response = null, sent_at = null
              where id like 'ntf_due_%'`.execute(k);
    await target.vacuumAnalyze('notifications');
  } else {
    await sql`update webhook_deliveries set status = 'pending', attempts = 0, next_attempt_at = created_at, last_status = null, last_error = null, delivered_at = null
              where id like 'dlv_due_%'`.execute(k);
    await target.vacuumAnalyze('webhook_deliveries');
  }
}

/** Passes until one comes back short of a full batch, as the polling worker does with a backlog. */
async function drain(target: Target, worker: Kind, mode: Mode): Promise<Drain> {
  const k = target.db.kysely;
  const mails = logSender({ info() {} });
  const counting = await target.resetStatements();
  const cpu = measureCpu([], target.name ?? '');
  const started = performance.now();
  let passes = 0;
  for (;;) {
    const claimed = worker === 'mails'
      ? await sendDueNotifications(k, mails, { batchSize: mode.batchSize, rowByRow: mode.rowByRow })
      : await sendDueWebhooks(k, { batchSize: mode.batchSize, rowByRow: mode.rowByRow });
    passes += 1;
    if (claimed < mode.batchSize) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const split = cpu.stop();
  // The embedded database runs in this process: its CPU is in the benchmark's figure.
  if (split && target.name === null) split.postgres = Number.NaN;
  return { seconds, passes, cpu: split, statements: counting ? await target.readStatements() : null };
}

/** Every due row went out once: logged, or delivered with one attempt. */
async function checkDrained(db: Db, worker: Kind, rows: number): Promise<void> {
  const table = worker === 'mails' ? 'notifications' : 'webhook_deliveries';
  const done = worker === 'mails' ? 'logged' : 'delivered';
  const { rows: counts } = await sql<{ status: string; attempts: number; n: string }>`
    select status, attempts, count(*) as n from ${sql.table(table)} where id like ${worker === 'mails' ? 'ntf_due_%' : 'dlv_due_%'}
     group by status, attempts`.execute(db.kysely);
  const good = counts.find((c) => c.status === done && c.attempts === 1);
  if (counts.length !== 1 || Number(good?.n) !== rows) throw new Error(`${worker} drained wrongly: ${JSON.stringify(counts)}`);
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');

const options = parseOptions(process.argv.slice(2));
let benchDatabase: BenchDatabase | null = null;
let target: Target | null = null;
let receiver: Awaited<ReturnType<typeof startReceiver>> | null = null;

async function cleanUp(): Promise<void> {
  await target?.close().catch(() => {});
  target = null;
  await receiver?.close().catch(() => {});
  receiver = null;
  if (benchDatabase && !options.keepDatabase) await benchDatabase.drop().catch((error) => console.error('dropping the database failed:', error));
  else if (benchDatabase) console.log(`kept database ${benchDatabase.name}`);
  benchDatabase = null;
}
process.once('SIGINT', () => { void cleanUp().finally(() => process.exit(130)); });

try {
  console.log(`Senders bench on ${options.pglite ? 'the embedded database (PGlite)' : 'PostgreSQL'}: ${fmt(options.rows)} rows per drain ` +
    `beside ${fmt(options.history)} sent, ` +
    `${options.runs} run(s) per mode; ${cpus().length} CPU(s), Node ${process.version}`);
  receiver = await startReceiver();
  target = await openTarget(options.pglite, options.adminUrl);
  await seedEndpoints(target.db, receiver.url);
  await seedRows(target.db, options.history, 'hist_', true);
  await seedRows(target.db, options.rows, 'due_', false);
  await target.vacuumAnalyze('notifications, webhook_deliveries');

  const small = Math.min(MAIL_BATCH_SIZE, WEBHOOK_BATCH_SIZE);
  const modes: Mode[] = [
    { label: `row by row, batch ${small} (before)`, batchSize: small, rowByRow: true },
    { label: `two statements, batch ${small}`, batchSize: small, rowByRow: false },
    ...(options.pglite ? [] : [{ label: `two statements, batch ${options.batch}`, batchSize: options.batch, rowByRow: false }]),
  ];
  const results = new Map<string, Drain[]>();
  const key = (worker: Kind, mode: Mode) => `${worker}|${mode.label}`;
  // Warm-up: the JIT, and the prepared statements on the pool's connections.
  for (const worker of options.workers) {
    for (const mode of modes) {
      await makeDue(target, worker);
      await drain(target, worker, mode);
    }
  }
  for (let run = 1; run <= options.runs; run++) {
    for (const worker of options.workers) {
      for (const mode of modes) {
        await makeDue(target, worker);
        const result = await drain(target, worker, mode);
        await checkDrained(target.db, worker, options.rows);
        results.set(key(worker, mode), [...(results.get(key(worker, mode)) ?? []), result]);
        const statements = result.statements ? `; ${fmt(result.statements.calls / options.rows, 2)} statements/row, claim ${fmt(result.statements.claimMs, 2)} ms` : '';
        console.log(`run ${run}  ${worker.padEnd(8)} ${mode.label.padEnd(30)} ${fmt(options.rows / result.seconds).padStart(7)} rows/s  ` +
          `${fmt((result.seconds * 1000) / result.passes, 1).padStart(6)} ms/pass${statements}`);
      }
    }
  }

  console.log(`\nMedians of ${options.runs} run(s), ${fmt(options.rows)} due rows per drain beside ${fmt(options.history)} sent ` +
    '(mails logged, webhooks to a local receiver):\n');
  console.log('| worker | mode | rows/s | ms per pass | statements per row | claim ms | bench cpu ms/row | db cpu ms/row |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  const ratios: string[] = [];
  for (const worker of options.workers) {
    const rates: number[] = [];
    for (const mode of modes) {
      const runs = results.get(key(worker, mode)) ?? [];
      const rate = median(runs.map((r) => options.rows / r.seconds));
      rates.push(rate);
      const perRow = (pick: (c: CpuSplit) => number) => {
        const values = runs.flatMap((r) => (r.cpu && Number.isFinite(pick(r.cpu)) ? [(pick(r.cpu) * r.seconds * 1000) / options.rows] : []));
        return values.length > 0 ? fmt(median(values), 3) : '–';
      };
      const counted = runs.flatMap((r) => (r.statements ? [r.statements] : []));
      const statements = counted.length > 0 ? fmt(median(counted.map((s) => s.calls / options.rows)), 2) : '–';
      const claimMs = counted.length > 0 ? fmt(median(counted.map((s) => s.claimMs)), 2) : '–';
      console.log(`| ${worker} | ${mode.label} | ${fmt(rate)} | ${fmt(median(runs.map((r) => (r.seconds * 1000) / r.passes)), 1)} | ${statements} | ${claimMs} | ${perRow((c) => c.bench)} | ${perRow((c) => c.postgres)} |`);
    }
    const before = rates[0]!;
    ratios.push(`${worker}: ${modes.slice(1).map((m, i) => `${m.label} ${fmt(rates[i + 1]! / before, 1)}x`).join(', ')} the row-by-row figure`);
  }
  console.log(`\n${ratios.join('\n')}`);
} finally {
  await cleanUp();
}
