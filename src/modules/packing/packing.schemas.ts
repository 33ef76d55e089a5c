// The packing contract as TypeBox schemas, with named limits.
import { Type } from 'typebox';
import { Code, Name, Sku, StrictObject } from '../../platform/http/index.ts';

export const PACKAGE_ITEMS_MAX = 200;
export const EDGE_MM_MAX = 10_000;
export const WEIGHT_G_MAX = 1_000_000;

const EdgeMm = Type.Integer({ minimum: 1, maximum: EDGE_MM_MAX });
const WeightG = Type.Integer({ minimum: 1, maximum: WEIGHT_G_MAX, description: 'Grams' });

export const BoxInput = StrictObject({
  code: Code, name: Name,
  length_mm: EdgeMm, width_mm: EdgeMm, height_mm: EdgeMm,
  max_weight_g: WeightG,
  tare_weight_g: Type.Optional(Type.Integer({ minimum: 0, maximum: WEIGHT_G_MAX, description: 'The empty box' })),
  active: Type.Optional(Type.Boolean()),
});

export const BoxPatch = StrictObject({
  name: Type.Optional(Name),
  length_mm: Type.Optional(EdgeMm), width_mm: Type.Optional(EdgeMm), height_mm: Type.Optional(EdgeMm),
  max_weight_g: Type.Optional(WeightG),
  tare_weight_g: Type.Optional(Type.Integer({ minimum: 0, maximum: WEIGHT_G_MAX })),
  active: Type.Optional(Type.Boolean()),
});

export const Dimensions = StrictObject({ length_mm: EdgeMm, width_mm: EdgeMm, height_mm: EdgeMm });

export const PackageInput = StrictObject({
  box: Type.Optional(Code),
  items: Type.Array(StrictObject({
    allocation_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    sku: Type.Optional(Sku),
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  }, { description: 'Units of one allocation, or of a SKU (spread over its allocations)' }), { minItems: 1, maxItems: PACKAGE_ITEMS_MAX }),
  weight_g: Type.Optional({ ...WeightG, description: "The scale's reading; without it the weight is computed" }),
  dimensions: Type.Optional(Dimensions),
});

export const WeightInput = StrictObject({ weight_g: WeightG });

export const BoxParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
export const FulfillmentOrderParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: 'Fulfillment order id' }) });
export const PackageParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const SlipQuery = Type.Object({ size: Type.Optional(Type.Enum(['A4', 'letter'], { default: 'A4' })) });
