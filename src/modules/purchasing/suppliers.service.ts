// Suppliers: who purchase orders go to, in which currency, and how long they take.
import type { Selectable } from 'kysely';
import type { Kdb, SuppliersTable } from '../../platform/db/index.ts';
import { iso, isUniqueViolation, notFound, Problem } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import type { SupplierInput, SupplierPatch } from './purchasing.schemas.ts';

export type SupplierRow = Selectable<SuppliersTable>;

export interface SupplierView {
  id: string; code: string; name: string; currency: string; lead_time_days: number | null; email: string | null;
  created_at: string; updated_at: string;
}

export function toSupplierView(row: SupplierRow): SupplierView {
  return {
    id: row.id, code: row.code, name: row.name, currency: row.currency, lead_time_days: row.lead_time_days, email: row.email,
    created_at: iso(row.created_at) ?? '', updated_at: iso(row.updated_at) ?? '',
  };
}

/** Creates a supplier; a taken code is a 409. */
export async function createSupplier(db: Kdb, tenantId: string, input: SupplierInput): Promise<SupplierRow> {
  try {
    return await db.insertInto('suppliers').values({
      tenant_id: tenantId, id: newId('sup'), code: input.code, name: input.name, currency: input.currency,
      lead_time_days: input.lead_time_days ?? null, email: input.email ?? null,
    }).returningAll().executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error)) throw new Problem('already_exists', `Supplier ${input.code} already exists.`, { errors: [{ path: 'code', message: 'is taken' }] });
    throw error;
  }
}

/** Changes a supplier's name, currency, lead time or e-mail. */
export async function updateSupplier(db: Kdb, tenantId: string, code: string, patch: SupplierPatch): Promise<SupplierRow> {
  const row = await db.updateTable('suppliers').set({
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.currency !== undefined ? { currency: patch.currency } : {}),
    ...(patch.lead_time_days !== undefined ? { lead_time_days: patch.lead_time_days } : {}),
    ...(patch.email !== undefined ? { email: patch.email } : {}),
    updated_at: new Date(),
  }).where('tenant_id', '=', tenantId).where('code', '=', code).returningAll().executeTakeFirst();
  if (!row) throw notFound('Supplier', code);
  return row;
}

export async function listSuppliers(db: Kdb, tenantId: string): Promise<SupplierRow[]> {
  return db.selectFrom('suppliers').selectAll().where('tenant_id', '=', tenantId).orderBy('code').execute();
}

export async function findSupplierByCode(db: Kdb, tenantId: string, code: string): Promise<SupplierRow | undefined> {
  return db.selectFrom('suppliers').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
}

/** The supplier with this code, or a 404. */
export async function getSupplierByCode(db: Kdb, tenantId: string, code: string): Promise<SupplierRow> {
  const row = await findSupplierByCode(db, tenantId, code);
  if (!row) throw notFound('Supplier', code);
  return row;
}
