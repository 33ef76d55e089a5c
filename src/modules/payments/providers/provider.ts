// What a payment provider does for us. Every call carries its own idempotency key and
// the provider must treat a repeated key as the same call (answer the first result),
// because we retry after crashes and timeouts without knowing whether the call landed.
import type { Kdb } from '../../../platform/db/index.ts';
import type { PaymentProvider as ProviderName, PaymentTransactionKind } from '../../../platform/db/schema-payments.ts';

export interface ProviderCall {
  tenantId: string;
  idempotencyKey: string;
  /** Minor units. */
  amount: number;
  currency: string;
  token: string | null;
  /** The authorization a capture, void or refund acts on (null for authorize). */
  authorizationReference: string | null;
}

export type ProviderResult =
  | { ok: true; reference: string; authorizationExpiresAt?: Date | null }
  | { ok: false; code: string; message: string };

/** Thrown when the provider could not answer (network, 5xx): the call is retried later with the same key. */
export class ProviderUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderUnavailableError';
  }
}

export interface PaymentProvider {
  readonly name: ProviderName;
  /** Whether the provider needs a token (a card) at intake. */
  readonly needsToken: boolean;
  /** Whether shipments capture it (cards); cash on delivery captures on delivery, manual when marked paid. */
  readonly capturesOnShipment: boolean;
  /** What intake queues for it: an authorization, a capture (prepaid), or nothing (manual). */
  readonly intakeCall: Extract<PaymentTransactionKind, 'authorize' | 'capture'> | null;
  authorize(db: Kdb, call: ProviderCall): Promise<ProviderResult>;
  capture(db: Kdb, call: ProviderCall): Promise<ProviderResult>;
  void(db: Kdb, call: ProviderCall): Promise<ProviderResult>;
  refund(db: Kdb, call: ProviderCall): Promise<ProviderResult>;
}
