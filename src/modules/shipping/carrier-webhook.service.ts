// A carrier's tracking webhook. The URL names the carrier service; the body is signed
// with that service's webhook secret: `x-ordo-signature: sha256=<hex HMAC-SHA256 of the
// raw body>`. The signature is checked on the exact bytes received, before the body is
// even parsed, and compared in constant time; anything else is 401 with one message,
// whether the service is unknown, the header missing or the signature wrong.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kdb } from '../../platform/db/index.ts';
import { notFound, Problem, transaction } from '../../platform/http/index.ts';
import { ajvErrorsToFields } from '../../platform/http/validation.ts';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { findCarrierServiceById } from './carrier-services.service.ts';
import { CarrierWebhookInput } from './shipping.schemas.ts';
import { eventTime, recordTrackingEvent } from './tracking.service.ts';

export const SIGNATURE_HEADER = 'x-ordo-signature';

const ajv = new AjvModule.default({ allErrors: true, removeAdditional: false, coerceTypes: false, strict: false });
addFormatsModule.default(ajv);
const validateBody = ajv.compile<CarrierWebhookInput>(CarrierWebhookInput as object);

/** The header value a carrier sends for this body. */
export function signBody(secret: string, raw: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}

/** True when the header carries this body's signature (constant-time compare). */
export function signatureMatches(secret: string, raw: Buffer, header: string | undefined): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(signBody(secret, raw), 'utf8');
  const sent = Buffer.from(header.trim(), 'utf8');
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

function unauthorized(): Problem {
  return new Problem('unauthorized', `The ${SIGNATURE_HEADER} header does not sign this body with the service's webhook secret.`);
}

function parse(raw: Buffer): CarrierWebhookInput {
  let body: unknown;
  try { body = JSON.parse(raw.toString('utf8')); } catch { throw new Problem('malformed_json', 'The body is not valid JSON.'); }
  if (!validateBody(body)) {
    const errors = ajvErrorsToFields(validateBody.errors ?? [], 'body');
    throw new Problem('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
  }
  return body;
}

/** Verifies, parses and applies a carrier's tracking event; answers the shipment's id and status. */
export async function receiveCarrierWebhook(db: Kdb, serviceId: string, raw: Buffer, signature: string | undefined): Promise<{ shipment_id: string; status: string }> {
  const service = await findCarrierServiceById(db, serviceId);
  if (!service?.webhook_secret || !signatureMatches(service.webhook_secret, raw, signature)) throw unauthorized();
  const body = parse(raw);
  const occurredAt = eventTime(body.occurred_at, 'occurred_at');
  const tenantId = service.tenant_id;
  const found = await db.selectFrom('shipments').select('id')
    .where('tenant_id', '=', tenantId).where('tracking_number', '=', body.tracking_number).where('service_id', '=', service.id)
    .orderBy('id', 'desc').executeTakeFirst();
  if (!found) throw notFound('Shipment with tracking number', body.tracking_number);
  const actor = `carrier:${service.code}`;
  const view = await transaction(db, (trx) => recordTrackingEvent(trx, tenantId, actor, found.id, {
    status: body.status, occurredAt, description: body.description ?? null, place: body.place ?? null,
  }, actor));
  return { shipment_id: view.id, status: view.status };
}
