-- Shipping: the merchant's carrier services (manual or rate table), shipments with their
-- items and labels, and the tracking events carriers report.

create table carrier_services (
  tenant_id       text not null references tenants(id),
  id              text not null,
  code            text not null,
  name            text not null,
  carrier         text not null check (carrier in ('manual','rate_table')),
  -- The order shipping methods this service fulfils (e.g. {standard} or {express,standard}).
  methods         text[] not null default '{}',
  transit_days    integer check (transit_days >= 0),
  currency        char(3),
  -- rate_table: { zones: [{ code, countries, postal_prefixes? }], bands: [{ max_weight_g, rates: { zone: amount } }] }
  config          jsonb not null default '{}',
  -- Shared secret the carrier signs its tracking webhooks with (HMAC-SHA256).
  webhook_secret  text,
  active          boolean not null default true,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code)
);
-- A carrier's webhook names the service by id alone (the URL it was given): one index
-- finds it, and with it the tenant.
create unique index carrier_services_id on carrier_services (id);

create table shipments (
  tenant_id             text not null,
  id                    text not null,
  order_id              text not null,
  fulfillment_order_id  text not null,
  location_id           text not null,
  service_id            text,
  carrier               text not null,
  service_code          text,
  tracking_number       text,
  status                text not null check (status in ('shipped','in_transit','out_for_delivery','delivered','exception','picked_up')),
  cost                  bigint check (cost >= 0),
  currency              char(3),
  label_pdf             bytea,
  shipped_at            timestamptz not null default now(),
  delivered_at          timestamptz,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, order_id) references orders(tenant_id, id),
  foreign key (tenant_id, fulfillment_order_id) references fulfillment_orders(tenant_id, id)
);
create index shipments_order on shipments (tenant_id, order_id);
-- Public tracking and carrier webhooks look shipments up by tracking number within a tenant.
create index shipments_tracking on shipments (tenant_id, tracking_number) where tracking_number is not null;
create index shipments_status on shipments (tenant_id, status, id);

create table shipment_items (
  tenant_id      text not null,
  shipment_id    text not null,
  allocation_id  text not null,
  order_line_id  text not null,
  quantity       integer not null check (quantity > 0),
  primary key (tenant_id, shipment_id, allocation_id),
  foreign key (tenant_id, shipment_id) references shipments(tenant_id, id)
);
create index shipment_items_line on shipment_items (tenant_id, order_line_id);

create table shipment_events (
  tenant_id    text not null,
  id           bigint generated always as identity,
  shipment_id  text not null,
  status       text not null check (status in ('shipped','in_transit','out_for_delivery','delivered','exception','picked_up')),
  description  text,
  place        text,
  source       text not null,
  occurred_at  timestamptz not null,
  created_at   timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, shipment_id) references shipments(tenant_id, id)
);
create index shipment_events_shipment on shipment_events (tenant_id, shipment_id, occurred_at);

-- Tracking numbers the rate-table carrier issues, per tenant.
create table tracking_number_sequences (
  tenant_id  text not null references tenants(id),
  last       bigint not null default 0,
  primary key (tenant_id)
);
