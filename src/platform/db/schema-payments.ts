// Kysely types for migration 0007: payments and their provider calls, refunds, typed holds
// and hold rules, payment settings, order edits.
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './schema.ts';

export type PaymentProvider = 'test_card' | 'manual' | 'cash_on_delivery' | 'prepaid';
export type PaymentRecordStatus = 'pending' | 'authorized' | 'declined' | 'failed' | 'expired' | 'voided' | 'captured' | 'partially_captured';
export type PaymentTransactionKind = 'authorize' | 'capture' | 'void' | 'refund';
export type HoldType = 'payment_declined' | 'fraud_review' | 'address_invalid' | 'manual';

export interface PaymentsTable {
  tenant_id: string;
  id: string;
  order_id: string;
  provider: PaymentProvider;
  method: string | null;
  token: string | null;
  currency: string;
  amount: number;
  status: PaymentRecordStatus;
  provider_reference: string | null;
  authorized_amount: number;
  captured_amount: number;
  refunded_amount: number;
  authorization_expires_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PaymentTransactionsTable {
  tenant_id: string;
  id: string;
  payment_id: string;
  kind: PaymentTransactionKind;
  amount: number;
  status: 'pending' | 'succeeded' | 'failed';
  idempotency_key: string;
  shipment_id: string | null;
  refund_id: string | null;
  provider_reference: string | null;
  error_code: string | null;
  error_message: string | null;
  attempts: number;
  next_attempt_at: Timestamp;
  created_at: Timestamp;
  completed_at: Date | null;
}

export interface RefundsTable {
  tenant_id: string;
  id: string;
  order_id: string;
  return_id: string | null;
  amount: number;
  currency: string;
  reason: string | null;
  actor: string;
  created_at: Timestamp;
}

export interface OrderHoldsTable {
  tenant_id: string;
  id: string;
  order_id: string;
  type: HoldType;
  reason: string | null;
  rule_id: string | null;
  created_by: string;
  created_at: Timestamp;
  released_at: Date | null;
  released_by: string | null;
  expires_at: Date | null;
  expired_at: Date | null;
}

export interface TestCardGatewayTable {
  tenant_id: string;
  idempotency_key: string;
  operation: 'authorize' | 'capture' | 'void' | 'refund';
  token: string | null;
  amount: number;
  authorization_reference: string | null;
  reference: string | null;
  outcome: 'succeeded' | 'declined' | 'failed' | null;
  error_code: string | null;
  failures: number;
  created_at: Timestamp;
}

export interface HoldRulesTable {
  tenant_id: string;
  id: string;
  name: string;
  kind: 'total_above' | 'country_not_in' | 'email_velocity';
  params: Json<Record<string, unknown>>;
  hold_type: Exclude<HoldType, 'payment_declined'>;
  active: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PaymentSettingsTable {
  tenant_id: string;
  declined_hold_minutes: number;
  updated_at: Timestamp;
}

export interface OrderEditsTable {
  tenant_id: string;
  id: string;
  order_id: string;
  version: number;
  /** The edit's changes as sent, in order. */
  changes: Json<unknown[]>;
  previous_totals: Json<Record<string, number>>;
  new_totals: Json<Record<string, number>>;
  payment_difference: number;
  payment_action: Generated<'none' | 'authorize' | 'refund' | 'void'>;
  stock: Json<{ sku: string; location: string | null; delta: number }[]>;
  actor: string;
  created_at: Timestamp;
}

export interface PaymentTables {
  payments: PaymentsTable;
  payment_transactions: PaymentTransactionsTable;
  refunds: RefundsTable;
  order_holds: OrderHoldsTable;
  hold_rules: HoldRulesTable;
  payment_settings: PaymentSettingsTable;
  test_card_gateway: TestCardGatewayTable;
  order_edits: OrderEditsTable;
}
