// A tenant's carrier services: what it ships with, which order shipping methods each
// fulfils, its price list (config) and the secret its tracking webhooks are signed with.
import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import type { CarrierServicesTable } from '../../platform/db/schema-shipping.ts';
import { iso, isUniqueViolation, notFound, Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { validatorFor, type CarrierName, type CarrierServiceConfig } from './carriers/index.ts';
import type { CarrierServiceInput, CarrierServicePatch } from './shipping.schemas.ts';

export type CarrierServiceRow = Selectable<CarrierServicesTable>;

export interface CarrierServiceView {
  id: string; code: string; name: string; carrier: CarrierName; methods: string[];
  transit_days: number | null; currency: string | null; config: Record<string, unknown>; active: boolean;
  /** Where the carrier posts tracking events (signed with the webhook secret). */
  webhook_path: string;
  /** Only in the answer that creates (or rotates) it; never shown again. */
  webhook_secret?: string;
  created_at: string; updated_at: string;
}

export function toCarrierServiceView(row: CarrierServiceRow, options: { showSecret?: boolean } = {}): CarrierServiceView {
  return {
    id: row.id, code: row.code, name: row.name, carrier: row.carrier, methods: row.methods,
    transit_days: row.transit_days, currency: row.currency, config: row.config, active: row.active,
    webhook_path: `/v1/carriers/${row.id}/webhook`,
    ...(options.showSecret && row.webhook_secret ? { webhook_secret: row.webhook_secret } : {}),
    created_at: iso(row.created_at) ?? '', updated_at: iso(row.updated_at) ?? '',
  };
}

/** What an adapter needs from a row. */
export function serviceConfig(row: CarrierServiceRow): CarrierServiceConfig {
  return { carrier: row.carrier, transit_days: row.transit_days, currency: row.currency, config: row.config };
}

function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function checkConfig(carrier: CarrierName, config: unknown, currency: string | null): void {
  const errors: ProblemFieldError[] = validatorFor(carrier)(config, currency);
  if (errors.length > 0) throw new Problem('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
}

/** Creates a service; the answer carries its webhook secret, the only time it is shown. */
export async function createCarrierService(db: Kdb, tenantId: string, input: CarrierServiceInput): Promise<CarrierServiceView> {
  const config = input.config ?? {};
  checkConfig(input.carrier, config, input.currency ?? null);
  try {
    const row = await db.insertInto('carrier_services').values({
      tenant_id: tenantId, id: newId('srv'), code: input.code, name: input.name, carrier: input.carrier,
      methods: input.methods ?? [], transit_days: input.transit_days ?? null, currency: input.currency ?? null,
      config: JSON.stringify(config), webhook_secret: newWebhookSecret(),
    }).returningAll().executeTakeFirstOrThrow();
    return toCarrierServiceView(row, { showSecret: true });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Problem('already_exists', `Carrier service ${input.code} already exists.`, { errors: [{ path: 'code', message: 'is taken' }] });
    throw error;
  }
}

/** Changes a service; its config is checked again against its carrier, as a whole. */
export async function updateCarrierService(trx: Kdb, tenantId: string, code: string, patch: CarrierServicePatch): Promise<CarrierServiceView> {
  const current = await trx.selectFrom('carrier_services').selectAll()
    .where('tenant_id', '=', tenantId).where('code', '=', code).forUpdate().executeTakeFirst();
  if (!current) throw notFound('Carrier service', code);
  const currency = patch.currency !== undefined ? patch.currency : current.currency;
  const config = patch.config ?? current.config;
  if (patch.config !== undefined || patch.currency !== undefined) checkConfig(current.carrier, config, currency);
  const row = await trx.updateTable('carrier_services').set({
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.methods !== undefined ? { methods: patch.methods } : {}),
    ...(patch.transit_days !== undefined ? { transit_days: patch.transit_days } : {}),
    ...(patch.currency !== undefined ? { currency: patch.currency } : {}),
    ...(patch.config !== undefined ? { config: JSON.stringify(patch.config) } : {}),
    ...(patch.active !== undefined ? { active: patch.active } : {}),
    ...(patch.rotate_webhook_secret ? { webhook_secret: newWebhookSecret() } : {}),
    updated_at: new Date(),
  }).where('tenant_id', '=', tenantId).where('id', '=', current.id).returningAll().executeTakeFirstOrThrow();
  return toCarrierServiceView(row, { showSecret: patch.rotate_webhook_secret === true });
}

export async function listCarrierServices(db: Kdb, tenantId: string, options: { activeOnly?: boolean } = {}): Promise<CarrierServiceRow[]> {
  let query = db.selectFrom('carrier_services').selectAll().where('tenant_id', '=', tenantId);
  if (options.activeOnly) query = query.where('active', '=', true);
  return query.orderBy('code').execute();
}

export async function findCarrierServiceByCode(db: Kdb, tenantId: string, code: string): Promise<CarrierServiceRow | undefined> {
  return db.selectFrom('carrier_services').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
}

/** The service by code, or a 404. */
export async function getCarrierServiceByCode(db: Kdb, tenantId: string, code: string): Promise<CarrierServiceRow> {
  const row = await findCarrierServiceByCode(db, tenantId, code);
  if (!row) throw notFound('Carrier service', code);
  return row;
}

/** The service a webhook URL names, in any tenant (the id is unguessable and unique). */
export async function findCarrierServiceById(db: Kdb, id: string): Promise<CarrierServiceRow | undefined> {
  return db.selectFrom('carrier_services').selectAll().where('id', '=', id).executeTakeFirst();
}
