// The pick wave contract as TypeBox schemas, with named limits.
import { Type } from 'typebox';
import { Code, StrictObject, Timestamp } from '../../platform/http/index.ts';
import { WAVE_ORDERS_MAX } from './pick-waves.service.ts';

/** At most this many units per scan (a case of a product scanned once with a count). */
export const SCAN_QUANTITY_MAX = 10_000;
export const PICKED_MAX = 1_000_000;

const FulfillmentOrderId = Type.String({ minLength: 1, maxLength: 64 });

export const WaveInput = StrictObject({
  location: Code,
  max_orders: Type.Optional(Type.Integer({ minimum: 1, maximum: WAVE_ORDERS_MAX, description: 'Take up to this many open fulfillment orders, oldest order first' })),
  cutoff: Type.Optional({ ...Timestamp, description: 'Only orders placed before this time (the carrier cut-off)' }),
  fulfillment_orders: Type.Optional(Type.Array(FulfillmentOrderId, { minItems: 1, maxItems: WAVE_ORDERS_MAX, description: 'Exactly these fulfillment orders' })),
  delivery_type: Type.Optional(Type.Enum(['ship', 'pickup'])),
});

export const ConfirmInput = StrictObject({ picked: Type.Integer({ minimum: 0, maximum: PICKED_MAX, description: 'Units found; fewer than the line asks for is a short pick' }) });

export const ScanInput = StrictObject({
  code: Type.String({ minLength: 1, maxLength: 64, description: 'A SKU or a barcode' }),
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: SCAN_QUANTITY_MAX, default: 1 })),
});

/** Complete and cancel take no fields; the body may be left out or be `{}`. */
export const EmptyInput = Type.Union([StrictObject({}), Type.Null()]);

export const WaveParams = Type.Object({ wave: Type.String({ minLength: 1, maxLength: 64, description: 'Pick wave id or number' }) });
export const LineParams = Type.Object({ wave: Type.String({ minLength: 1, maxLength: 64 }), line_id: Type.String({ minLength: 1, maxLength: 64 }) });

export const WaveListQuery = {
  location: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(Type.Enum(['open', 'completed', 'canceled'])),
};
