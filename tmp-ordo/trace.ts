import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createOrder } from '/work/main/src/modules/orders/index.ts';
const url = process.argv[2]!;
const pool = new pg.Pool({ connectionString: url, max: 2 });
const queries: { sql: string; ms: number; params: readonly unknown[] }[] = [];
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }), log: (e) => { queries.push({ sql: e.query.sql, ms: e.queryDurationMillis, params: e.query.parameters }); } });
const principal = { tenantId: 'ten_default', keyId: 'k', role: 'admin', channelId: null, actor: 'key:x' } as any;
const input = { channel: 'web', external_id: `T-${Date.now()}`, currency: 'USD', customer: { email: 'customer1@example.com', name: 'Customer 1' },
  shipping_address: { name: 'Ana Lima', line1: '1 Main St', city: 'Springfield', postal_code: '62701', country: 'US' },
  lines: [{ sku: 'BENCH-0001', quantity: 1 }, { sku: 'BENCH-0500', quantity: 2 }, { sku: 'BENCH-0900', quantity: 1 }], shipping: { method: 'standard', amount: 500 } };
for (let i = 0; i < 3; i++) { queries.length = 0; await db.transaction().execute((trx) => createOrder(trx, principal, { ...input, external_id: `T-${Date.now()}-${i}` })); }
for (const q of queries) console.log(q.ms.toFixed(2).padStart(6), q.sql.replace(/\s+/g, ' ').slice(0, 400), JSON.stringify(q.params).slice(0, 200));
await db.destroy();
