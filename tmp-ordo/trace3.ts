import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/index.ts';
import { createOrder } from '../src/modules/orders/index.ts';
const cpuOf = (pid: number) => { const s = readFileSync(`/proc/${pid}/stat`, 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const db = await openDatabase({ url: process.argv[2]!, poolMax: 1, prepareStatements: process.argv[4] !== 'noprep' });
const pid = (await sql<{ p: number }>`select pg_backend_pid() p`.execute(db.kysely)).rows[0]!.p;
const principal = { tenantId: 'ten_default', keyId: 'k', role: 'admin', channelId: null, actor: 'key:x' } as any;
const input = { channel: 'web', currency: 'USD', customer: { email: 'customer1@example.com', name: 'Customer 1' },
  shipping_address: { name: 'Ana Lima', line1: '1 Main St', city: 'Springfield', postal_code: '62701', country: 'US' },
  lines: [{ sku: 'BENCH-0001', quantity: 1 }, { sku: 'BENCH-0500', quantity: 2 }, { sku: 'BENCH-0900', quantity: 1 }], shipping: { method: 'standard', amount: 500 } };
const n = Number(process.argv[3] ?? 200);
for (let i = 0; i < 20; i++) await db.kysely.transaction().execute((trx) => createOrder(trx, principal, { ...input, external_id: `W-${Date.now()}-${i}` } as any));
const c0 = cpuOf(pid); const n0 = process.cpuUsage(); const t0 = performance.now();
for (let i = 0; i < n; i++) await db.kysely.transaction().execute((trx) => createOrder(trx, principal, { ...input, customer: { email: `c${i % 5000}@x.com` }, external_id: `T-${Date.now()}-${i}` } as any));
const el = performance.now() - t0; const nc = process.cpuUsage(n0);
console.log(`ms/order ${(el / n).toFixed(2)}  pg cpu ms/order ${((cpuOf(pid) - c0) / n).toFixed(2)}  node cpu ms/order ${((nc.user + nc.system) / 1000 / n).toFixed(2)}`);
await db.close();
