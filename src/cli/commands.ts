// The core `ordo` commands: serve, migrate, seed, keys, tenants, inventory verify.
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { startCluster } from '../cluster.ts';
import { loadConfig } from '../config.ts';
import { openRuntime } from '../runtime.ts';
import { startServer } from '../server.ts';
import { startJobsProcess } from '../jobs-process.ts';
import { migrate, openDatabase, type Db } from '../platform/db/index.ts';
import { createApiKey, createTenant, DEFAULT_TENANT_ID, ROLES, type Role } from '../modules/access/index.ts';
import { verifyInventory } from '../modules/inventory/index.ts';
import { seedDemo } from '../seed/index.ts';
import { createUser, PASSWORD_LENGTH_MIN, USER_ROLES, type UserRole } from '../modules/users/index.ts';

async function withRuntime<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openRuntime(loadConfig());
  try { return await work(db); } finally { await db.close(); }
}

/** Registers the core commands on the program. */
export function registerCoreCommands(program: Command): void {
  program.command('serve').description('start the HTTP server (and the admin UI)')
    .option('--port <port>', 'port to listen on')
    .option('--no-seed', 'do not seed demo data into an empty database')
    .option('--workers <n>', 'API processes sharing the port (node:cluster; needs DATABASE_URL), or "auto" for one per CPU', '1')
    .option('--no-jobs', 'serve requests only; run the background jobs (outbox relay, senders, forecasting) with `ordo work`')
    .action(async (options: { port?: string; seed: boolean; workers: string; jobs: boolean }) => {
      const config = loadConfig();
      if (options.port) config.port = Number(options.port);
      const workers = options.workers === 'auto' ? availableParallelism() : Number(options.workers);
      if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers must be a positive integer or "auto", got ${options.workers}`);
      if (!options.jobs && !config.databaseUrl) throw new Error('--no-jobs needs DATABASE_URL: on the embedded database no other process can run the jobs');
      if (workers > 1) await startCluster(config, { workers, seed: options.seed && config.seedDemo, jobs: options.jobs });
      else await startServer(config, { seed: options.seed && config.seedDemo, jobs: options.jobs });
    });

  program.command('work').description('run the background jobs only (outbox relay, e-mail and webhook senders, payments, forecasting); needs DATABASE_URL')
    .action(async () => {
      await startJobsProcess(loadConfig());
    });

  program.command('migrate').description('apply pending database migrations').action(async () => {
    const config = loadConfig();
    const db = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
    try {
      const applied = await migrate(db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } finally { await db.close(); }
  });

  program.command('seed').description('load the demo shop into an empty tenant')
    .option('--tenant <id>', 'tenant id', DEFAULT_TENANT_ID)
    .option('--days <n>', 'days of order history', '90')
    .action(async (options: { tenant: string; days: string }) => withRuntime(async (db) => {
      const result = await seedDemo(db.kysely, { tenantId: options.tenant, days: Number(options.days), onlyIfEmpty: true });
      console.log(result ? `seeded ${result.products} products, ${result.customers} customers, ${result.orders} orders` : 'tenant already has data; nothing seeded');
    }));

  const keys = program.command('keys').description('API keys');
  keys.command('create').description('create an API key and print it (shown once)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--name <name>', 'a label for the key', 'cli')
    .option('--channel <code>', 'the channel of a channel key')
    .option('--tenant <id>', 'tenant id', DEFAULT_TENANT_ID)
    .action(async (options: { role: string; name: string; channel?: string; tenant: string }) => withRuntime(async (db) => {
      if (!ROLES.includes(options.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      const key = await createApiKey(db.kysely, options.tenant, { name: options.name, role: options.role as Role, channelCode: options.channel });
      console.log(key.secret);
    }));

  program.command('users').description('staff users of the web app').command('create')
    .description('create a user who signs in to the web app')
    .requiredOption('--email <email>', 'the sign-in e-mail')
    .requiredOption('--role <role>', `one of ${USER_ROLES.join(', ')}`)
    .requiredOption('--password <password>', `at least ${PASSWORD_LENGTH_MIN} characters`)
    .option('--name <name>', 'display name')
    .option('--tenant <id>', 'tenant id', DEFAULT_TENANT_ID)
    .action(async (options: { email: string; role: string; password: string; name?: string; tenant: string }) => withRuntime(async (db) => {
      if (!USER_ROLES.includes(options.role as UserRole)) throw new Error(`--role must be one of ${USER_ROLES.join(', ')}`);
      if (options.password.length < PASSWORD_LENGTH_MIN) throw new Error(`--password must have at least ${PASSWORD_LENGTH_MIN} characters`);
      const user = await createUser(db.kysely, options.tenant, { email: options.email, name: options.name, role: options.role as UserRole, password: options.password });
      console.log(`created ${user.role} ${user.email} (${user.id})`);
    }));

  program.command('tenants').description('tenants').command('create').requiredOption('--name <name>')
    .action(async (options: { name: string }) => withRuntime(async (db) => { console.log(await createTenant(db.kysely, options.name)); }));

  program.command('inventory').description('inventory tools').command('verify')
    .description('check levels against the ledger and open reservations; exit 1 on drift')
    .option('--tenant <id>', 'only this tenant')
    .action(async (options: { tenant?: string }) => {
      const drift = await withRuntime((db) => verifyInventory(db.kysely, options.tenant));
      if (drift.length === 0) {
        console.log('inventory verified: levels, ledger and reservations agree');
        return;
      }
      console.log(`inventory drift in ${drift.length} level(s):`);
      for (const d of drift) console.log(`  ${d.tenant_id} ${d.sku}@${d.location}: ${d.problems.join('; ')}`);
      process.exitCode = 1;
    });
}
