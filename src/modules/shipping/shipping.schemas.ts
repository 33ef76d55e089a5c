// The shipping contract as TypeBox schemas, with named limits.
import { Type, type Static } from 'typebox';
import { Code, Currency, Name, StrictObject, Timestamp } from '../../platform/http/index.ts';
import { CARRIERS } from './carriers/index.ts';
import { SHIPMENT_STATUSES, TRACKING_EVENT_STATUSES } from './shipment.states.ts';

export const METHODS_PER_SERVICE_MAX = 20;
export const PACKAGES_PER_SHIPMENT_MAX = 100;
export const TRANSIT_DAYS_MAX = 365;

const Method = Type.String({ minLength: 1, maxLength: 64 });
const TransitDays = Type.Integer({ minimum: 0, maximum: TRANSIT_DAYS_MAX });
/** A carrier's config; its shape depends on the carrier and is checked by the carrier's own validator. */
const Config = Type.Object({}, { additionalProperties: true, description: 'rate_table: { zones, bands }; manual: { flat_rate? }' });

export const CarrierServiceInput = StrictObject({
  code: Code,
  name: Name,
  carrier: Type.Enum(CARRIERS),
  methods: Type.Optional(Type.Array(Method, { maxItems: METHODS_PER_SERVICE_MAX, uniqueItems: true })),
  transit_days: Type.Optional(TransitDays),
  currency: Type.Optional(Currency),
  config: Type.Optional(Config),
});
export type CarrierServiceInput = Static<typeof CarrierServiceInput>;

export const CarrierServicePatch = StrictObject({
  name: Type.Optional(Name),
  methods: Type.Optional(Type.Array(Method, { maxItems: METHODS_PER_SERVICE_MAX, uniqueItems: true })),
  transit_days: Type.Optional(Type.Union([TransitDays, Type.Null()])),
  currency: Type.Optional(Type.Union([Currency, Type.Null()])),
  config: Type.Optional(Config),
  active: Type.Optional(Type.Boolean()),
  /** true issues a new webhook secret (answered once, like at creation). */
  rotate_webhook_secret: Type.Optional(Type.Literal(true)),
});
export type CarrierServicePatch = Static<typeof CarrierServicePatch>;

export const ShipmentInput = Type.Union([
  StrictObject({
    service: Type.Optional(Code),
    strategy: Type.Optional(Type.Union([Type.Literal('cheapest'), Type.Literal('fastest')])),
    tracking_number: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9 ._/-]*$' })),
    packages: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: PACKAGES_PER_SHIPMENT_MAX, uniqueItems: true })),
  }),
  Type.Null(),
]);
export type ShipmentInput = Static<typeof ShipmentInput>;

const Description = Type.String({ minLength: 1, maxLength: 500 });
const Place = Type.String({ minLength: 1, maxLength: 200 });

export const TrackingEventInput = StrictObject({
  status: Type.Enum(TRACKING_EVENT_STATUSES),
  occurred_at: Type.Optional(Timestamp),
  description: Type.Optional(Description),
  place: Type.Optional(Place),
});
export type TrackingEventInput = Static<typeof TrackingEventInput>;

export const CarrierWebhookInput = StrictObject({
  tracking_number: Type.String({ minLength: 1, maxLength: 64 }),
  status: Type.Enum(TRACKING_EVENT_STATUSES),
  occurred_at: Timestamp,
  description: Type.Optional(Description),
  place: Type.Optional(Place),
});
export type CarrierWebhookInput = Static<typeof CarrierWebhookInput>;

export const PickupInput = Type.Union([StrictObject({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }), Type.Null()]);
export const EmptyInput = Type.Union([StrictObject({}), Type.Null()]);

export const FulfillmentOrderParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const ShipmentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const ServiceCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

export const ShipmentListQuery = {
  order: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Order id or number' })),
  status: Type.Optional(Type.Enum(SHIPMENT_STATUSES)),
};

export const PublicTrackingQuery = StrictObject({
  order: Type.Optional(Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9]+$' })),
  email: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
  tracking_number: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  tenant: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});
