import { readdirSync, readFileSync } from 'node:fs';
import { openDatabase } from '../src/platform/db/index.ts';
import { createOrder } from '../src/modules/orders/index.ts';
import { transaction } from '../src/platform/http/idempotency.ts';
const pgTicks = () => { let t = 0; for (const p of readdirSync('/proc')) { if (!/^\d+$/.test(p)) continue; try { const s = readFileSync(`/proc/${p}/stat`, 'utf8'); if (!s.includes('(postgres)')) continue; const f = s.slice(s.lastIndexOf(')') + 2).split(' '); t += Number(f[11]) + Number(f[12]); } catch {} } return t * 10; };
const [url, concS, secS, pool] = process.argv.slice(2);
const conc = Number(concS), secs = Number(secS);
const db = await openDatabase({ url, poolMax: Number(pool ?? 16) });
const principal = { tenantId: 'ten_default', keyId: 'k', role: 'admin', channelId: null, actor: 'key:x' } as any;
const mk = (i: number) => { const s = new Set<number>(); while (s.size < 3) s.add(Math.floor(Math.random() * 1000)); const c = Math.floor(Math.random() * 50000);
  return { channel: 'web', currency: 'USD', external_id: `X-${Date.now()}-${i}-${Math.random()}`, customer: { email: `customer${c}@example.com`, name: `Customer ${c}` },
  shipping_address: { name: 'Ana Lima', line1: '1 Main St', city: 'Springfield', postal_code: '62701', country: 'US' },
  lines: [...s].map((k) => ({ sku: `BENCH-${String(k).padStart(4, '0')}`, quantity: 1 })), shipping: { method: 'standard', amount: 500 } } as any; };
let n = 0; let errs = 0;
const run = async (ms: number) => { const end = Date.now() + ms; await Promise.all(Array.from({ length: conc }, async () => { while (Date.now() < end) { try { await transaction(db.kysely, (trx) => createOrder(trx, principal, mk(n))); n++; } catch (e) { errs++; if (errs < 3) console.log(e); } } })); };
await run(1500); n = 0;
const p0 = pgTicks(); const c0 = process.cpuUsage(); const t0 = performance.now();
await run(secs * 1000);
const el = (performance.now() - t0) / 1000; const nc = process.cpuUsage(c0);
console.log(`c=${conc} ${(n / el).toFixed(0)} orders/s  pg cores ${((pgTicks() - p0) / 1000 / el).toFixed(2)} node cores ${((nc.user + nc.system) / 1e6 / el).toFixed(2)}  pg ms/order ${((pgTicks() - p0) / n).toFixed(2)} node ms/order ${((nc.user + nc.system) / 1000 / n).toFixed(2)} errs ${errs}`);
await db.close();
