// The purchasing contract as TypeBox schemas, with named limits.
import { Type, type Static } from 'typebox';
import { Code, Currency, MoneyAmount, Name, Sku, StrictObject } from '../../platform/http/index.ts';
import { PURCHASE_ORDER_STATUSES } from './purchase-order.states.ts';

export const PURCHASE_ORDER_LINES_MAX = 500;
export const PURCHASE_QUANTITY_MAX = 1_000_000;
export const LEAD_TIME_DAYS_MAX = 365;

/** A calendar date, 'YYYY-MM-DD'. */
export const DateOnly = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD' });
const Note = Type.String({ maxLength: 2000 });
const LeadTimeDays = Type.Integer({ minimum: 0, maximum: LEAD_TIME_DAYS_MAX, description: 'Days from ordering to arrival' });

export const SupplierInput = StrictObject({
  code: Code,
  name: Name,
  currency: Currency,
  lead_time_days: Type.Optional(LeadTimeDays),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
});
export type SupplierInput = Static<typeof SupplierInput>;

export const SupplierPatch = StrictObject({
  name: Type.Optional(Name),
  currency: Type.Optional(Currency),
  lead_time_days: Type.Optional(Type.Union([LeadTimeDays, Type.Null()])),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
});
export type SupplierPatch = Static<typeof SupplierPatch>;

export const PurchaseQuantity = Type.Integer({ minimum: 1, maximum: PURCHASE_QUANTITY_MAX });

export const PurchaseOrderLineInput = StrictObject({
  sku: Sku,
  quantity: PurchaseQuantity,
  unit_cost: MoneyAmount,
});

export const PurchaseOrderInput = StrictObject({
  supplier: Code,
  location: Code,
  currency: Type.Optional(Currency),
  expected_date: Type.Optional(DateOnly),
  reference: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: "The supplier's reference" })),
  note: Type.Optional(Note),
  lines: Type.Array(PurchaseOrderLineInput, { minItems: 1, maxItems: PURCHASE_ORDER_LINES_MAX }),
});
export type PurchaseOrderInput = Static<typeof PurchaseOrderInput>;

export const ReceiptInput = StrictObject({
  location: Code,
  lines: Type.Array(StrictObject({ sku: Sku, quantity: PurchaseQuantity }), { minItems: 1, maxItems: PURCHASE_ORDER_LINES_MAX }),
  note: Type.Optional(Note),
});
export type ReceiptInput = Static<typeof ReceiptInput>;

/** A cancel may say why; the body itself may be left out. */
export const CancelInput = Type.Union([StrictObject({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }), Type.Null()]);
/** Submit takes no fields; the body may be left out or be `{}`. */
export const EmptyInput = Type.Union([StrictObject({}), Type.Null()]);

export const PurchaseOrderParams = Type.Object({
  purchase_order: Type.String({ minLength: 1, maxLength: 64, description: 'Purchase order id or number' }),
});

export const PurchaseOrderListQuery = {
  status: Type.Optional(Type.Enum(PURCHASE_ORDER_STATUSES)),
  supplier: Type.Optional(Type.String({ maxLength: 64 })),
  location: Type.Optional(Type.String({ maxLength: 64 })),
};
