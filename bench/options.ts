// Command-line flags of `npm run bench`, with defaults that give the published numbers.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Measured repetitions per concurrency; the report shows their median. */
  runs: number;
  /** Length of one measured load window. */
  seconds: number;
  /** Untimed load before the first run, so the server's JIT and pools are warm. */
  warmupSeconds: number;
  concurrencies: number[];
  /** Ordo API processes (`ordo serve --workers N`); 1 runs the plain single process. */
  workers: number;
  /** ORDO_DB_POOL_MAX for each API process. */
  poolMax: number;
  /** PostgreSQL connections the ceiling loop may use at most (it never uses more than its concurrency). */
  ceilingPoolMax: number;
  /** A server URL of a database that can create and drop databases. */
  adminUrl: string;
  skipCeiling: boolean;
  skipHttp: boolean;
  /** Writes a V8 CPU profile of the server into this folder (node --cpu-prof). */
  profileDir: string | null;
  /** Sends an Idempotency-Key with every order, as a careful channel integration would. */
  idempotency: boolean;
  /** Every order brings a payment of this provider (test_card with an approving token). */
  payment: 'prepaid' | 'test_card' | null;
  keepDatabase: boolean;
  /** SQL run on the benchmark database after the warm-up (experiments: drop an index, change a setting). */
  afterSeedSql: string | null;
  /** Background jobs in their own `ordo work` process (the API started with --no-jobs). */
  jobsProcess: boolean;
  /** How long to wait after an Ordo window for the outbox relay to catch up. */
  drainSeconds: number;
  /** Another Ordo checkout to put under load (before/after comparisons); null = this one. */
  root: string | null;
}

const HELP = `npm run bench -- [flags]
  --runs <n>              measured runs per concurrency, median reported (default 3)
  --seconds <s>           length of each measured window (default 8)
  --warmup <s>            untimed warm-up before measuring (default 3)
  --concurrency <list>    comma-separated in-flight orders (default 1,8,32,128)
  --workers <n>           Ordo API processes via cluster mode (default 1)
  --pool <n>              ORDO_DB_POOL_MAX per API process (default 8)
  --ceiling-pool <n>      max PostgreSQL connections of the ceiling loop (default 8)
  --idempotency           send an Idempotency-Key with every order
  --payment <provider>    every order brings a payment: prepaid (captured right after
                          intake) or test_card (authorized by the sandbox gateway)
  --skip-ceiling          only drive Ordo over HTTP
  --skip-http             only measure the database ceiling
  --profile <dir>         write the server's CPU profile (node --cpu-prof) into <dir>
  --keep-db               do not drop the benchmark database at the end
  --after-seed <file>     run this SQL file on the benchmark database after the warm-up
                          (experiments: drop an index or a foreign key, change a setting)
  --jobs-process          run the background jobs (outbox relay, senders) in an \`ordo work\`
                          process beside \`ordo serve --no-jobs\`
  --drain-limit <s>       after each Ordo window, wait up to this long for the relay to
                          publish the window's events (default 120)
  --root <dir>            run the Ordo server from another checkout (before/after comparisons)
  --admin-url <url>       PostgreSQL URL used to create/drop the benchmark database
                          (default $ORDO_BENCH_ADMIN_URL or postgres://postgres@127.0.0.1:5432/test)`;

export function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got ${raw}`);
  return value;
}

function paymentOption(raw: string | undefined): BenchOptions['payment'] {
  if (raw === undefined) return null;
  if (raw !== 'prepaid' && raw !== 'test_card') throw new Error(`--payment must be prepaid or test_card, got ${raw}`);
  return raw;
}

/** Parses process arguments; prints help and exits on --help. */
export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' }, seconds: { type: 'string' }, warmup: { type: 'string' },
      concurrency: { type: 'string' }, workers: { type: 'string' }, pool: { type: 'string' },
      'ceiling-pool': { type: 'string' }, 'admin-url': { type: 'string' }, profile: { type: 'string' },
      'skip-ceiling': { type: 'boolean' }, 'skip-http': { type: 'boolean' }, idempotency: { type: 'boolean' }, payment: { type: 'string' },
      'keep-db': { type: 'boolean' }, 'drain-limit': { type: 'string' }, 'jobs-process': { type: 'boolean' }, 'after-seed': { type: 'string' }, root: { type: 'string' }, help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const concurrencies = (values.concurrency ?? '1,8,32,128').split(',').map((c) => positiveInt('concurrency', c.trim(), 1));
  return {
    runs: positiveInt('runs', values.runs, 3),
    seconds: positiveInt('seconds', values.seconds, 8),
    warmupSeconds: values.warmup === '0' ? 0 : positiveInt('warmup', values.warmup, 3),
    concurrencies,
    workers: positiveInt('workers', values.workers, 1),
    // Measured on 2 cores: 8 connections beat 16 for Ordo and for the ceiling alike
    // (PostgreSQL spends more CPU per transaction with more backends than cores can run).
    poolMax: positiveInt('pool', values.pool, 8),
    ceilingPoolMax: positiveInt('ceiling-pool', values['ceiling-pool'], 8),
    adminUrl: values['admin-url'] ?? process.env.ORDO_BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    skipCeiling: values['skip-ceiling'] ?? false,
    skipHttp: values['skip-http'] ?? false,
    profileDir: values.profile ?? null,
    idempotency: values.idempotency ?? false,
    payment: paymentOption(values.payment),
    keepDatabase: values['keep-db'] ?? false,
    jobsProcess: values['jobs-process'] ?? false,
    afterSeedSql: values['after-seed'] ?? null,
    drainSeconds: positiveInt('drain-limit', values['drain-limit'], 120),
    root: values.root ?? null,
  };
}
