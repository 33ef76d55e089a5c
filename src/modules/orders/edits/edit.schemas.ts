// The order-edit contract as TypeBox schemas, with named limits. A change is one small
// step; an edit is a list of them applied in order, previewed or confirmed as a whole.
import { Type, type Static } from 'typebox';
import { Address, MoneyAmount, Sku, StrictObject } from '../../../platform/http/index.ts';
import { LINE_QUANTITY_MAX } from '../order.schemas.ts';

/** The most changes one edit may carry. */
export const EDIT_CHANGES_MAX = 100;

const LineId = Type.String({ minLength: 1, maxLength: 64 });
const Quantity = Type.Integer({ minimum: 1, maximum: LINE_QUANTITY_MAX });

export const SetQuantityChange = StrictObject({ op: Type.Literal('set_quantity'), line_id: LineId, quantity: Quantity });
export const AddLineChange = StrictObject({ op: Type.Literal('add_line'), sku: Sku, quantity: Quantity, unit_price: Type.Optional(MoneyAmount) });
export const RemoveLineChange = StrictObject({ op: Type.Literal('remove_line'), line_id: LineId });
export const SetShippingAddressChange = StrictObject({ op: Type.Literal('set_shipping_address'), address: Address });
export const SetShippingChange = StrictObject({
  op: Type.Literal('set_shipping'), method: Type.String({ minLength: 1, maxLength: 64 }), amount: MoneyAmount,
});

const CHANGE_SCHEMAS = {
  set_quantity: SetQuantityChange, add_line: AddLineChange, remove_line: RemoveLineChange,
  set_shipping_address: SetShippingAddressChange, set_shipping: SetShippingChange,
} as const;

export type EditChange = Static<(typeof CHANGE_SCHEMAS)[keyof typeof CHANGE_SCHEMAS]>;

/**
 * One change, chosen by its `op`. Written as if/then per op rather than a plain union so
 * that a bad change is answered with the errors of its own kind only (a union reports
 * every other kind's missing fields too).
 */
export const EditChange = Type.Unsafe<EditChange>({
  type: 'object',
  required: ['op'],
  properties: { op: { type: 'string', enum: Object.keys(CHANGE_SCHEMAS) } },
  allOf: Object.entries(CHANGE_SCHEMAS).map(([op, schema]) => ({
    if: { type: 'object', properties: { op: { const: op } }, required: ['op'] },
    then: schema,
  })),
});

const Changes = Type.Array(EditChange, { minItems: 1, maxItems: EDIT_CHANGES_MAX });

export const EditPreviewInput = StrictObject({ changes: Changes });
export type EditPreviewInput = Static<typeof EditPreviewInput>;

export const EditConfirmInput = StrictObject({
  changes: Changes,
  expected_version: Type.Integer({ minimum: 1, description: 'The order version the edit was previewed against' }),
});
export type EditConfirmInput = Static<typeof EditConfirmInput>;
