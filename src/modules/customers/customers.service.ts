// Customers are upserted by e-mail when orders arrive, and carry their order history.
import { sql, type Selectable } from 'kysely';
import type { CustomersTable, Kdb } from '../../platform/db/index.ts';
import { decodeCursor, iso, notFound, toPage } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';

export type CustomerRow = Selectable<CustomersTable>;

export interface CustomerInput { email: string; name?: string | undefined; phone?: string | undefined }

/** E-mail addresses compare case-insensitively; store one canonical form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates the customer or refreshes its name and phone; returns its id. */
export async function upsertCustomer(trx: Kdb, tenantId: string, input: CustomerInput): Promise<{ id: string; email: string; name: string | null }> {
  const email = normalizeEmail(input.email);
  return trx.insertInto('customers')
    .values({ tenant_id: tenantId, id: newId('cus'), email, name: input.name ?? null, phone: input.phone ?? null })
    .onConflict((oc) => oc.columns(['tenant_id', 'email']).doUpdateSet({
      name: sql`coalesce(excluded.name, customers.name)`,
      phone: sql`coalesce(excluded.phone, customers.phone)`,
      updated_at: sql`now()`,
    }))
    .returning(['id', 'email', 'name'])
    .executeTakeFirstOrThrow();
}

export function toCustomerView(row: CustomerRow) {
  return { id: row.id, email: row.email, name: row.name, phone: row.phone, created_at: iso(row.created_at), updated_at: iso(row.updated_at) };
}

export async function listCustomers(db: Kdb, tenantId: string, query: { q?: string | undefined; limit: number; cursor?: string | undefined }) {
  let builder = db.selectFrom('customers').selectAll().where('tenant_id', '=', tenantId);
  if (query.q) {
    const escaped = query.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    builder = builder.where((eb) => eb.or([eb('email', 'like', `${escaped.toLowerCase()}%`), eb('name', 'ilike', `%${escaped}%`)]));
  }
  const after = decodeCursor(query.cursor);
  if (after) builder = builder.where('id', '<', after);
  const rows = await builder.orderBy('id', 'desc').limit(query.limit + 1).execute();
  const page = toPage(rows, query.limit);
  return { data: page.data.map(toCustomerView), next_cursor: page.next_cursor };
}

/** One customer with order statistics and the most recent orders. */
export async function getCustomer(db: Kdb, tenantId: string, idOrEmail: string) {
  const row = await db.selectFrom('customers').selectAll().where('tenant_id', '=', tenantId)
    .where((eb) => (idOrEmail.includes('@') ? eb('email', '=', normalizeEmail(idOrEmail)) : eb('id', '=', idOrEmail)))
    .executeTakeFirst();
  if (!row) throw notFound('Customer', idOrEmail);
  const [totals, recent] = await Promise.all([
    db.selectFrom('orders').select(['currency', sql<number>`count(*)::int8`.as('orders_count'), sql<number>`sum(total)::int8`.as('total_spent')])
      .where('tenant_id', '=', tenantId).where('customer_id', '=', row.id).where('status', '<>', 'canceled')
      .groupBy('currency').execute(),
    db.selectFrom('orders').select(['id', 'number', 'status', 'currency', 'total', 'created_at'])
      .where('tenant_id', '=', tenantId).where('customer_id', '=', row.id)
      .orderBy('id', 'desc').limit(20).execute(),
  ]);
  return {
    ...toCustomerView(row),
    orders_count: totals.reduce((n, t) => n + t.orders_count, 0),
    total_spent: totals.map((t) => ({ currency: t.currency, amount: t.total_spent })),
    recent_orders: recent.map((o) => ({ id: o.id, number: String(o.number), status: o.status, currency: o.currency, total: o.total, created_at: iso(o.created_at) })),
  };
}
