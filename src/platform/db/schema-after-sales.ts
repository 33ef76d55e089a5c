// Kysely types for migration 0008: return policy, returns and their items, surveys,
// notifications (the e-mail outbox), webhook endpoints and deliveries.
import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './schema.ts';

export type ReturnStatus = 'requested' | 'approved' | 'rejected' | 'received' | 'closed';

export interface ReturnPoliciesTable {
  tenant_id: string;
  window_days: number;
  non_returnable_skus: string[];
  reasons: string[];
  restocking_fee_bps: number;
  shipping_refund: 'never' | 'always' | 'if_all_returned';
  updated_at: Timestamp;
}

export interface ReturnNumbersTable {
  tenant_id: string;
  last: number;
}

export interface ReturnsTable {
  tenant_id: string;
  id: string;
  number: number;
  order_id: string;
  status: ReturnStatus;
  source: 'customer' | 'staff';
  note: string | null;
  reject_reason: string | null;
  override_policy: Generated<boolean>;
  restock_location_id: string | null;
  refund_amount: number | null;
  refund_items: number | null;
  refund_tax: number | null;
  refund_shipping: number | null;
  restocking_fee: number | null;
  refund_id: string | null;
  exchange_lines: ColumnType<ExchangeLine[] | null, string | null, string | null>;
  exchange_order_id: string | null;
  exchange_credit: number | null;
  received_at: Date | null;
  closed_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A replacement line of an exchange, as asked for. */
export interface ExchangeLine { sku: string; quantity: number }

export interface ReturnItemsTable {
  tenant_id: string;
  return_id: string;
  order_line_id: string;
  quantity: number;
  reason: string;
  received_quantity: Generated<number>;
  damaged_quantity: Generated<number>;
}

export interface SurveysTable {
  tenant_id: string;
  id: string;
  order_id: string;
  token_hash: string;
  rating: number | null;
  comment: string | null;
  offered_at: Timestamp;
  answered_at: Date | null;
}

/** 'logged': no SMTP server was configured, so the mail went to the log instead. */
export type NotificationStatus = 'pending' | 'sent' | 'logged' | 'failed';

export interface NotificationsTable {
  tenant_id: string;
  id: string;
  order_id: string | null;
  outbox_id: number | null;
  template: string;
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  status: NotificationStatus;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  smtp_response: string | null;
  sent_at: Date | null;
  created_at: Timestamp;
}

export interface WebhookEndpointsTable {
  tenant_id: string;
  id: string;
  url: string;
  secret: string;
  topics: string[];
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  tenant_id: string;
  id: string;
  endpoint_id: string;
  outbox_id: number;
  topic: string;
  payload: Json<Record<string, unknown>>;
  status: 'pending' | 'delivered' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Timestamp;
}

export interface AfterSalesTables {
  return_policies: ReturnPoliciesTable;
  return_numbers: ReturnNumbersTable;
  returns: ReturnsTable;
  return_items: ReturnItemsTable;
  surveys: SurveysTable;
  notifications: NotificationsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
