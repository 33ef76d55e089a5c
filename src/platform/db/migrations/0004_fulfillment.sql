-- Fulfillment orders and routing rules. A fulfillment order is the part of an order that
-- one location ships (or hands over at its counter); its lines are the order's
-- allocations at that location (order_allocations.fulfillment_order_id), so stock,
-- reservation and fulfillment stay one record and cannot disagree.

-- Per-tenant routing rules; a tenant without a row uses the defaults in routing/rules.ts.
create table routing_settings (
  tenant_id                 text not null references tenants(id),
  use_distance              boolean not null default true,
  max_splits                integer not null default 3 check (max_splits between 1 and 20),
  min_split_order_value     bigint not null default 0 check (min_split_order_value >= 0),
  updated_at                timestamptz not null default now(),
  primary key (tenant_id)
);

-- Postal-code centroids (reference data, shared by all tenants): routing measures the
-- distance to an address without coordinates from its postal code.
create table postal_code_centroids (
  country      char(2) not null,
  postal_code  text not null,
  latitude     double precision not null check (latitude between -90 and 90),
  longitude    double precision not null check (longitude between -180 and 180),
  primary key (country, postal_code)
);

create table fulfillment_orders (
  tenant_id      text not null,
  id             text not null,
  order_id       text not null,
  location_id    text not null,
  delivery_type  text not null check (delivery_type in ('ship','pickup')),
  status         text not null check (status in ('open','picking','picked','packed','shipped','ready_for_pickup','picked_up','canceled')),
  wave_id        text,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, order_id) references orders(tenant_id, id),
  foreign key (tenant_id, location_id) references locations(tenant_id, id)
);
create index fulfillment_orders_order on fulfillment_orders (tenant_id, order_id);
create index fulfillment_orders_queue on fulfillment_orders (tenant_id, location_id, status, id);

alter table order_allocations add column fulfillment_order_id text;
-- Units confirmed picked for this allocation (a pick wave fills it; shipping empties it into fulfilled).
alter table order_allocations add column picked integer not null default 0;
alter table order_allocations add constraint order_allocations_picked check (picked >= 0 and picked <= quantity);
create index order_allocations_fulfillment on order_allocations (tenant_id, fulfillment_order_id);

-- Existing allocations get their fulfillment orders: one per (order, location).
insert into fulfillment_orders (tenant_id, id, order_id, location_id, delivery_type, status, created_at, updated_at)
select a.tenant_id, 'ful_' || substr(md5(a.order_id || '/' || a.location_id), 1, 26), a.order_id, a.location_id, o.delivery_type,
  case when bool_and(a.status = 'released') then 'canceled'
       when bool_and(a.status in ('fulfilled','released')) then 'shipped'
       else 'open' end,
  min(a.created_at), max(a.updated_at)
from order_allocations a join orders o on o.tenant_id = a.tenant_id and o.id = a.order_id
group by a.tenant_id, a.order_id, a.location_id, o.delivery_type;
update order_allocations a set fulfillment_order_id = 'ful_' || substr(md5(a.order_id || '/' || a.location_id), 1, 26);

-- Units of a line that will not be delivered: canceled after a partial shipment, or removed
-- by an order edit. A line's active quantity is quantity - canceled.
alter table order_lines add column canceled integer not null default 0;
alter table order_lines add constraint order_lines_canceled check (canceled >= 0 and canceled <= quantity);

-- Ledger reasons for fulfillment: a short pick found fewer units than the books said.
alter table inventory_movements drop constraint inventory_movements_reason_check;
alter table inventory_movements add constraint inventory_movements_reason_check check (reason in (
  'receipt','count','damage','loss','correction','reservation','release','shipment','return','transfer','short_pick','write_off'));
