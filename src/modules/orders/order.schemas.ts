// The order intake contract (API.md) as TypeBox schemas, with named limits.
import { Type, type Static } from 'typebox';
import { Address, Code, Currency, Email, MoneyAmount, Sku, StrictObject } from '../../platform/http/index.ts';

export const LINES_PER_ORDER_MAX = 500;
export const LINE_QUANTITY_MAX = 100_000;

export const OrderLineInput = StrictObject({
  sku: Sku,
  quantity: Type.Integer({ minimum: 1, maximum: LINE_QUANTITY_MAX }),
  unit_price: Type.Optional(MoneyAmount),
});

export const DeliveryInput = Type.Union([
  StrictObject({ type: Type.Literal('ship') }),
  StrictObject({ type: Type.Literal('pickup'), location: Code }),
]);

/** How the order is paid (payments module; docs/payments.md). test_card needs a token. */
export const PaymentInput = StrictObject({
  provider: Type.Enum(['test_card', 'manual', 'cash_on_delivery', 'prepaid'] as const),
  token: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  method: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});

export const OrderInput = StrictObject({
  channel: Code,
  external_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  currency: Currency,
  customer: Type.Optional(StrictObject({
    email: Email,
    name: Type.Optional(Type.String({ maxLength: 200 })),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
  })),
  shipping_address: Type.Optional(Address),
  billing_address: Type.Optional(Address),
  lines: Type.Array(OrderLineInput, { minItems: 1, maxItems: LINES_PER_ORDER_MAX }),
  shipping: Type.Optional(StrictObject({ method: Type.String({ minLength: 1, maxLength: 64 }), amount: MoneyAmount })),
  delivery: Type.Optional(DeliveryInput),
  discount_total: Type.Optional(MoneyAmount),
  tax_total: Type.Optional(MoneyAmount),
  total: Type.Optional(Type.Integer({ minimum: 0 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  payment: Type.Optional(PaymentInput),
});
export type OrderInput = Static<typeof OrderInput>;

export const ReasonInput = StrictObject({ reason: Type.String({ minLength: 1, maxLength: 500 }) });
export const OptionalReasonInput = Type.Union([StrictObject({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }), Type.Null()]);

/** Hold types staff may place; payment_declined is placed by payments only. */
export const STAFF_HOLD_TYPES = ['manual', 'fraud_review', 'address_invalid'] as const;
export const HoldInput = StrictObject({ reason: Type.String({ minLength: 1, maxLength: 500 }), type: Type.Optional(Type.Enum(STAFF_HOLD_TYPES)) });
/** Release one hold (hold_id), the holds of a type, or (neither) all of them. */
export const ReleaseInput = Type.Union([StrictObject({
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  hold_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  type: Type.Optional(Type.Enum(['payment_declined', 'fraud_review', 'address_invalid', 'manual'] as const)),
}), Type.Null()]);
