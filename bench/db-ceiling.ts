// The database's own ceiling for the work an order needs, with no HTTP and no Ordo in
// between: one transaction that inserts the order and its lines, reserves stock with the
// same guarded update Ordo uses, and appends the ledger rows. Statements are named
// (prepared once per connection), the cheapest way `pg` can send them, so this is the
// best the database does for the same writes at the same concurrency.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { distinctIndexes, LINES_PER_ORDER } from './order-bodies.ts';
import { LatencyRecorder } from './stats.ts';
import { CHANNEL, LOCATIONS } from './seed.ts';

const TENANT = 'ten_default';
const ADDRESS = JSON.stringify({ name: 'Ana Lima', line1: '1 Main St', city: 'Springfield', postal_code: '62701', country: 'US' });

interface Catalog { channelId: string; locationId: string; products: { id: string; sku: string; name: string; price: number }[] }

export interface CeilingResult { concurrency: number; connections: number; ok: number; perSecond: number; p50: number; p99: number; errors: number; firstError: string | null }

async function loadCatalog(pool: pg.Pool): Promise<Catalog> {
  const channel = await pool.query<{ id: string }>('select id from channels where tenant_id = $1 and code = $2', [TENANT, CHANNEL]);
  const location = await pool.query<{ id: string }>('select id from locations where tenant_id = $1 and code = $2', [TENANT, LOCATIONS[0].code]);
  const products = await pool.query<{ id: string; sku: string; name: string; price: number }>(
    'select id, sku, name, price from products where tenant_id = $1 order by sku', [TENANT]);
  const channelId = channel.rows[0]?.id;
  const locationId = location.rows[0]?.id;
  if (!channelId || !locationId || products.rows.length === 0) throw new Error('the benchmark shop is not seeded');
  return { channelId, locationId, products: products.rows };
}

// Ids in Ordo's shape (prefix + 26 characters); uniqueness is all the ceiling needs.
let idCounter = 0;
const idPrefix = randomBytes(4).toString('hex');
function fakeId(prefix: string): string {
  return `${prefix}_zz${idPrefix}${(idCounter++).toString(36).padStart(16, '0')}`;
}

const INSERT_ORDER = `
  insert into orders (tenant_id, id, number, channel_id, external_id, status, currency, email, customer_name,
    shipping_address, billing_address, delivery_type, shipping_method, subtotal, discount_total, shipping_total, tax_total, total)
  values ($1, $2, nextval('order_number_ten_default'::regclass), $3, $4, 'open', 'USD', $5, $6, $7::jsonb, 'null'::jsonb, 'ship', 'standard',
    $8, 0, 500, 0, $9)`;
const INSERT_LINES = `
  insert into order_lines (tenant_id, id, order_id, position, product_id, sku, name, quantity, unit_price, discount_allocated, total, backordered)
  select $1, unnest($2::text[]), $3, generate_subscripts($2::text[], 1) - 1, unnest($4::text[]), unnest($5::text[]), unnest($6::text[]),
         unnest($7::int[]), unnest($8::int8[]), 0, unnest($9::int8[]), 0`;
const RESERVE = `
  update inventory_levels l set reserved = l.reserved + v.q, updated_at = now()
  from unnest($2::text[], $3::int[]) as v(product_id, q)
  where l.tenant_id = $1 and l.product_id = v.product_id and l.location_id = $4 and l.on_hand - l.reserved >= v.q`;
const INSERT_MOVEMENTS = `
  insert into inventory_movements (tenant_id, product_id, location_id, delta_on_hand, delta_reserved, reason, order_id, actor)
  select $1, unnest($2::text[]), $3, 0, unnest($4::int[]), 'reservation', $5, 'bench'`;

async function placeOrder(client: pg.PoolClient, catalog: Catalog, externalPrefix: string, sequence: number): Promise<void> {
  // Sorted by product id, as Ordo sorts, so concurrent orders take row locks in one order.
  const picked = distinctIndexes(LINES_PER_ORDER, catalog.products.length)
    .map((i) => ({ product: catalog.products[i] as Catalog['products'][number], quantity: 1 + (i % 2) }))
    .sort((a, b) => (a.product.id < b.product.id ? -1 : 1));
  const orderId = fakeId('ord');
  const totals = picked.map((p) => p.product.price * p.quantity);
  const subtotal = totals.reduce((a, b) => a + b, 0);
  const customer = Math.floor(Math.random() * 50_000);
  const productIds = picked.map((p) => p.product.id);
  const quantities = picked.map((p) => p.quantity);
  await client.query('begin');
  try {
    await client.query({ name: 'ceiling_order', text: INSERT_ORDER, values: [TENANT, orderId, catalog.channelId, `${externalPrefix}-${sequence}`, `customer${customer}@example.com`, `Customer ${customer}`, ADDRESS, subtotal, subtotal + 500] });
    await client.query({ name: 'ceiling_lines', text: INSERT_LINES, values: [TENANT, picked.map(() => fakeId('oln')), orderId, productIds, picked.map((p) => p.product.sku), picked.map((p) => p.product.name), quantities, picked.map((p) => p.product.price), totals] });
    const reserved = await client.query({ name: 'ceiling_reserve', text: RESERVE, values: [TENANT, productIds, quantities, catalog.locationId] });
    if (reserved.rowCount !== picked.length) throw new Error(`reserved ${reserved.rowCount} of ${picked.length} rows`);
    await client.query({ name: 'ceiling_movements', text: INSERT_MOVEMENTS, values: [TENANT, productIds, catalog.locationId, quantities, orderId] });
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}

/** Runs the minimal order transaction from `concurrency` callers for `seconds`. */
export async function measureCeiling(url: string, concurrency: number, seconds: number, connectionsMax: number, onLoadEnd?: () => void): Promise<CeilingResult> {
  const connections = Math.min(concurrency, connectionsMax);
  const pool = new pg.Pool({ connectionString: url, max: connections });
  pool.on('error', () => {});
  const catalog = await loadCatalog(pool);
  const latencies = new LatencyRecorder();
  const externalPrefix = `C-${randomBytes(4).toString('hex')}`;
  let sequence = 0;
  let ok = 0;
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const caller = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        const client = await pool.connect();
        try { await placeOrder(client, catalog, externalPrefix, sequence++); } finally { client.release(); }
        ok++;
        latencies.add(performance.now() - sent);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  const elapsedSeconds = (performance.now() - started) / 1000;
  onLoadEnd?.();
  await pool.end();
  const { p50, p99 } = latencies.summary();
  return { concurrency, connections, ok, perSecond: ok / elapsedSeconds, p50, p99, errors, firstError };
}
