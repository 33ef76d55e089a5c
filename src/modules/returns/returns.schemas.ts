// The returns contract as TypeBox schemas, with named limits.
import { Type, type Static } from 'typebox';
import { Code, Email, Sku, StrictObject } from '../../platform/http/index.ts';
import { RETURN_STATUSES } from './return.states.ts';

export const RETURN_ITEMS_MAX = 200;
export const RETURN_QUANTITY_MAX = 100_000;
export const EXCHANGE_LINES_MAX = 50;
export const POLICY_LIST_MAX = 500;

const Quantity = Type.Integer({ minimum: 1, maximum: RETURN_QUANTITY_MAX });
const Reason = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9_]*$', description: 'One of the policy reasons' });
const Note = Type.String({ maxLength: 2000 });
const LineId = Type.String({ minLength: 1, maxLength: 64, pattern: '^oln_[0-9a-z]{26}$' });

export const ReturnPolicyInput = StrictObject({
  window_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650, description: 'Days from delivery; the last day is included' })),
  non_returnable_skus: Type.Optional(Type.Array(Sku, { maxItems: POLICY_LIST_MAX })),
  reasons: Type.Optional(Type.Array(Reason, { minItems: 1, maxItems: 50 })),
  restocking_fee_bps: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, description: 'Basis points of the returned item value (100 = 1%)' })),
  shipping_refund: Type.Optional(Type.Union([Type.Literal('never'), Type.Literal('always'), Type.Literal('if_all_returned')])),
});
export type ReturnPolicyInput = Static<typeof ReturnPolicyInput>;

/** A returned item names its order line by id, or by SKU when the SKU is on one line only. */
export const ReturnItemInput = StrictObject({
  line_id: Type.Optional(LineId),
  sku: Type.Optional(Sku),
  quantity: Quantity,
  reason: Reason,
});
export type ReturnItemInput = Static<typeof ReturnItemInput>;

export const ExchangeInput = StrictObject({
  lines: Type.Array(StrictObject({ sku: Sku, quantity: Quantity }), { minItems: 1, maxItems: EXCHANGE_LINES_MAX }),
});
export type ExchangeInput = Static<typeof ExchangeInput>;

const Items = Type.Array(ReturnItemInput, { minItems: 1, maxItems: RETURN_ITEMS_MAX });

export const StaffReturnInput = StrictObject({
  order: Type.String({ minLength: 1, maxLength: 64, description: 'Order id or number' }),
  items: Items,
  note: Type.Optional(Note),
  approve: Type.Optional(Type.Boolean({ description: 'Approve at once' })),
  override_policy: Type.Optional(Type.Boolean({ description: 'Accept past the window and non-returnable SKUs (recorded on the timeline)' })),
  exchange: Type.Optional(ExchangeInput),
});
export type StaffReturnInput = Static<typeof StaffReturnInput>;

export const PublicReturnInput = StrictObject({
  order: Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9]+$', description: 'The order number' }),
  email: Email,
  items: Items,
  note: Type.Optional(Note),
  exchange: Type.Optional(ExchangeInput),
});
export type PublicReturnInput = Static<typeof PublicReturnInput>;

export const TenantQuery = {
  tenant: Type.Optional(Type.String({ pattern: '^ten_[a-z0-9_]{1,60}$', description: 'Tenant id; the default tenant when absent' })),
};

export const EligibilityQuery = Type.Object({
  order: Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9]+$' }),
  email: Type.String({ minLength: 1, maxLength: 254 }),
  ...TenantQuery,
});

export const RejectInput = StrictObject({ reason: Type.String({ minLength: 1, maxLength: 500 }) });
/** Approve and close take no fields; the body may be left out or be `{}`. */
export const EmptyInput = Type.Union([StrictObject({}), Type.Null()]);

export const ReceiveInput = StrictObject({
  location: Code,
  items: Type.Array(StrictObject({
    line_id: LineId,
    quantity: Quantity,
    condition: Type.Union([Type.Literal('sellable'), Type.Literal('damaged')]),
  }), { minItems: 1, maxItems: RETURN_ITEMS_MAX * 2 }),
  note: Type.Optional(Note),
});
export type ReceiveInput = Static<typeof ReceiveInput>;

export const ReturnParams = Type.Object({ return: Type.String({ minLength: 1, maxLength: 64, description: 'Return id or number' }) });

export const ReturnListQuery = {
  status: Type.Optional(Type.Enum(RETURN_STATUSES)),
  order: Type.Optional(Type.String({ maxLength: 64, description: 'Order id or number' })),
};
