import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/index.ts';
import { createOrder } from '../src/modules/orders/index.ts';
const db = await openDatabase({ url: process.argv[2]!, poolMax: 1, prepareStatements: process.argv[4] !== 'noprep' });
const principal = { tenantId: 'ten_default', keyId: 'k', role: 'admin', channelId: null, actor: 'key:x' } as any;
const input = { channel: 'web', currency: 'USD', customer: { email: 'customer1@example.com', name: 'Customer 1' },
  shipping_address: { name: 'Ana Lima', line1: '1 Main St', city: 'Springfield', postal_code: '62701', country: 'US' },
  lines: [{ sku: 'BENCH-0001', quantity: 1 }, { sku: 'BENCH-0500', quantity: 2 }, { sku: 'BENCH-0900', quantity: 1 }], shipping: { method: 'standard', amount: 500 } };
const n = Number(process.argv[3] ?? 200);
const t0 = performance.now();
for (let i = 0; i < n; i++) await db.kysely.transaction().execute((trx) => createOrder(trx, principal, { ...input, external_id: `T-${Date.now()}-${i}` } as any));
console.log('ms/order', ((performance.now() - t0) / n).toFixed(2));
const r = await sql<any>`select name, generic_plans, custom_plans, left(statement, 60) s from pg_prepared_statements`.execute(db.kysely);
console.table(r.rows);
await db.close();
