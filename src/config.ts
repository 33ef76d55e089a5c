// Environment -> typed configuration, with defaults that make `npm start` just work.
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL URL; unset means the embedded database in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  adminKey: string | undefined;
  /** Password of the web app's admin@ordo.local user (set at start when given). */
  adminPassword: string | undefined;
  logLevel: string;
  /** Requests larger than this are refused with 413. */
  bodyLimitBytes: number;
  /** A request not answered within this time is cut off (slow clients included). */
  requestTimeoutMs: number;
  /** Per API key, requests per minute; 0 disables the limit. */
  rateLimitPerMinute: number;
  /** Requests per minute per client address to the unauthenticated customer API (/v1/public/…); 0 = off. */
  publicRateLimitPerMinute: number;
  dbPoolMax: number;
  /** Seed demo data on first start of an empty database. */
  seedDemo: boolean;
  /** SMTP server for customer e-mails (smtp://user:pass@host:587, smtps://…); unset → mails are logged, not sent. */
  smtpUrl: string | undefined;
  /** The From of customer e-mails. */
  mailFrom: string;
  /** Where customers reach this server (links in e-mails: tracking, surveys); no trailing slash. */
  publicUrl: string;
  /** NATS server whose JetStream receives every outbox event; unset → no NATS publishing. */
  natsUrl: string | undefined;
  /**
   * Which proxies in front of Ordo to believe about the client's address (X-Forwarded-For):
   * false (none: the default), a number of hops, or addresses / CIDR ranges (`loopback`,
   * `10.0.0.0/8, 192.168.1.5`). The per-address limits count the client's address only then.
   */
  trustProxy: boolean | number | string;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got ${raw}`);
  return value;
}

/** ORDO_PUBLIC_URL without a trailing slash; links in customer e-mails start with it. */
function publicUrlFromEnv(env: NodeJS.ProcessEnv): string {
  const raw = env.ORDO_PUBLIC_URL || `http://localhost:${intFromEnv(env, 'PORT', 3000)}`;
  if (!/^https?:\/\/[^/\s]+/i.test(raw)) throw new Error(`ORDO_PUBLIC_URL must be an http(s) URL, got ${raw}`);
  return raw.replace(/\/+$/, '');
}

/** ORDO_TRUST_PROXY: unset or false → false; true; a hop count; else addresses / CIDR ranges, comma-separated. */
function trustProxyFromEnv(env: NodeJS.ProcessEnv): boolean | number | string {
  const raw = (env.ORDO_TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (!/^[0-9a-zA-Z.:/,\s]+$/.test(raw)) throw new Error(`ORDO_TRUST_PROXY must be true, false, a hop count or addresses / CIDR ranges, got ${raw}`);
  return raw;
}

/** Reads the configuration from the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFromEnv(env, 'PORT', 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.ORDO_DATA_DIR ?? './.ordo',
    adminKey: env.ORDO_ADMIN_KEY || undefined,
    adminPassword: env.ORDO_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimitBytes: intFromEnv(env, 'ORDO_BODY_LIMIT_BYTES', 1_048_576),
    requestTimeoutMs: intFromEnv(env, 'ORDO_REQUEST_TIMEOUT_MS', 30_000),
    rateLimitPerMinute: intFromEnv(env, 'ORDO_RATE_LIMIT_PER_MINUTE', 0),
    publicRateLimitPerMinute: intFromEnv(env, 'ORDO_PUBLIC_RATE_LIMIT_PER_MINUTE', 120),
    dbPoolMax: intFromEnv(env, 'ORDO_DB_POOL_MAX', 10),
    seedDemo: env.ORDO_SEED_DEMO !== 'false',
    smtpUrl: env.ORDO_SMTP_URL || undefined,
    mailFrom: env.ORDO_MAIL_FROM || 'Ordo <no-reply@ordo.local>',
    publicUrl: publicUrlFromEnv(env),
    natsUrl: env.ORDO_NATS_URL || undefined,
    trustProxy: trustProxyFromEnv(env),
  };
}
