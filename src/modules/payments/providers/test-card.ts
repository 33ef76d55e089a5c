// test_card: a sandbox card gateway with documented test tokens (docs/payments.md). It
// behaves like a remote gateway: it keeps its own books (test_card_gateway), written
// with autocommit statements outside our transactions, keyed by the idempotency key, so
// a repeated call answers the first result and never charges twice.
import { sql } from 'kysely';
import type { Kdb } from '../../../platform/db/index.ts';
import { newId } from '../../../platform/ids.ts';
import { ProviderUnavailableError, type PaymentProvider, type ProviderCall, type ProviderResult } from './provider.ts';

export const TEST_CARD_TOKENS = {
  tok_approve: 'authorizes; captures, voids and refunds succeed',
  tok_decline: 'authorization declined: card_declined',
  tok_insufficient_funds: 'authorization declined: insufficient_funds',
  tok_expire_auth: 'authorizes, but the authorization expires at once: a later capture fails with authorization_expired',
  tok_unavailable: `the gateway is unavailable for the first ${2} calls of each idempotency key, then works like tok_approve`,
} as const;
export type TestCardToken = keyof typeof TEST_CARD_TOKENS;

/** How often tok_unavailable fails per idempotency key before it works. */
export const UNAVAILABLE_FAILURES = 2;

type Operation = 'authorize' | 'capture' | 'void' | 'refund';
interface Decision { outcome: 'succeeded' | 'declined' | 'failed'; errorCode: string | null }

interface GatewayRow {
  outcome: 'succeeded' | 'declined' | 'failed' | null; error_code: string | null; reference: string | null;
  failures: number; token: string | null; created_at: Date;
}

async function recordCall(db: Kdb, operation: Operation, call: ProviderCall, token: string | null): Promise<GatewayRow> {
  await db.insertInto('test_card_gateway').values({
    tenant_id: call.tenantId, idempotency_key: call.idempotencyKey, operation, token, amount: call.amount,
    authorization_reference: call.authorizationReference, reference: null, outcome: null, error_code: null, failures: 0,
  }).onConflict((oc) => oc.columns(['tenant_id', 'idempotency_key']).doNothing()).execute();
  return db.selectFrom('test_card_gateway').select(['outcome', 'error_code', 'reference', 'failures', 'token', 'created_at'])
    .where('tenant_id', '=', call.tenantId).where('idempotency_key', '=', call.idempotencyKey).executeTakeFirstOrThrow();
}

function answer(row: Pick<GatewayRow, 'outcome' | 'error_code' | 'reference' | 'token' | 'created_at'>, operation: Operation): ProviderResult {
  if (row.outcome === 'succeeded') {
    const expires = operation === 'authorize' && row.token === 'tok_expire_auth' ? new Date(row.created_at) : null;
    return { ok: true, reference: row.reference as string, authorizationExpiresAt: expires };
  }
  const code = row.error_code ?? 'card_declined';
  return { ok: false, code, message: `test_card: ${code.replaceAll('_', ' ')}` };
}

/** Books of one authorization: its token, and what was captured, voided and refunded against it. */
async function authorizationBooks(db: Kdb, tenantId: string, reference: string) {
  const { rows } = await sql<{ token: string | null; amount: number; captured: number; voided: number; refunded: number }>`
    select a.token, a.amount,
      coalesce((select sum(c.amount) from test_card_gateway c where c.tenant_id = a.tenant_id and c.authorization_reference = a.reference and c.operation = 'capture' and c.outcome = 'succeeded'), 0)::int8 as captured,
      coalesce((select sum(c.amount) from test_card_gateway c where c.tenant_id = a.tenant_id and c.authorization_reference = a.reference and c.operation = 'void' and c.outcome = 'succeeded'), 0)::int8 as voided,
      coalesce((select sum(c.amount) from test_card_gateway c where c.tenant_id = a.tenant_id and c.authorization_reference = a.reference and c.operation = 'refund' and c.outcome = 'succeeded'), 0)::int8 as refunded
    from test_card_gateway a
    where a.tenant_id = ${tenantId} and a.reference = ${reference} and a.operation = 'authorize' and a.outcome = 'succeeded'`.execute(db);
  const row = rows[0];
  return row ? { token: row.token, amount: Number(row.amount), captured: Number(row.captured), voided: Number(row.voided), refunded: Number(row.refunded) } : undefined;
}

async function decide(db: Kdb, operation: Operation, call: ProviderCall, token: string | null): Promise<Decision> {
  const ok: Decision = { outcome: 'succeeded', errorCode: null };
  if (operation === 'authorize') {
    if (token === 'tok_decline') return { outcome: 'declined', errorCode: 'card_declined' };
    if (token === 'tok_insufficient_funds') return { outcome: 'declined', errorCode: 'insufficient_funds' };
    if (token === null || !(token in TEST_CARD_TOKENS)) return { outcome: 'declined', errorCode: 'invalid_token' };
    return ok;
  }
  const books = call.authorizationReference ? await authorizationBooks(db, call.tenantId, call.authorizationReference) : undefined;
  if (!books) return { outcome: 'failed', errorCode: 'authorization_not_found' };
  if (operation === 'capture') {
    if (books.token === 'tok_expire_auth') return { outcome: 'failed', errorCode: 'authorization_expired' };
    if (books.captured + books.voided + call.amount > books.amount) return { outcome: 'failed', errorCode: 'amount_exceeds_authorization' };
  }
  if (operation === 'void' && books.captured + books.voided + call.amount > books.amount) return { outcome: 'failed', errorCode: 'amount_exceeds_authorization' };
  if (operation === 'refund' && books.refunded + call.amount > books.captured) return { outcome: 'failed', errorCode: 'amount_exceeds_captured' };
  return ok;
}

async function call(db: Kdb, operation: Operation, request: ProviderCall): Promise<ProviderResult> {
  const token = operation === 'authorize' ? request.token : null;
  const row = await recordCall(db, operation, request, token);
  if (row.outcome !== null) return answer(row, operation);
  const authToken = operation === 'authorize' ? token
    : request.authorizationReference ? (await authorizationBooks(db, request.tenantId, request.authorizationReference))?.token ?? null : null;
  if (authToken === 'tok_unavailable' && row.failures < UNAVAILABLE_FAILURES) {
    await db.updateTable('test_card_gateway').set({ failures: row.failures + 1 })
      .where('tenant_id', '=', request.tenantId).where('idempotency_key', '=', request.idempotencyKey).execute();
    throw new ProviderUnavailableError('test_card: gateway unavailable (tok_unavailable)');
  }
  const decision = await decide(db, operation, request, token);
  const reference = decision.outcome === 'succeeded' ? newId(operation === 'authorize' ? 'tca' : 'tcx') : null;
  // Only the first caller settles a key; a concurrent twin reads that answer.
  await db.updateTable('test_card_gateway').set({ outcome: decision.outcome, error_code: decision.errorCode, reference })
    .where('tenant_id', '=', request.tenantId).where('idempotency_key', '=', request.idempotencyKey).where('outcome', 'is', null).execute();
  const settled = await db.selectFrom('test_card_gateway').select(['outcome', 'error_code', 'reference', 'token', 'created_at', 'failures'])
    .where('tenant_id', '=', request.tenantId).where('idempotency_key', '=', request.idempotencyKey).executeTakeFirstOrThrow();
  return answer(settled, operation);
}

export const testCardProvider: PaymentProvider = {
  name: 'test_card', needsToken: true, capturesOnShipment: true, intakeCall: 'authorize',
  authorize: (db, request) => call(db, 'authorize', request),
  capture: (db, request) => call(db, 'capture', request),
  void: (db, request) => call(db, 'void', request),
  refund: (db, request) => call(db, 'refund', request),
};

/** How many calls of an operation really succeeded at the gateway for a key (tests count charges with it). */
export async function gatewayRecords(db: Kdb, tenantId: string, idempotencyKey?: string) {
  let query = db.selectFrom('test_card_gateway').selectAll().where('tenant_id', '=', tenantId);
  if (idempotencyKey) query = query.where('idempotency_key', '=', idempotencyKey);
  return query.orderBy('created_at').execute();
}
