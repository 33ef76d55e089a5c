-- Picking and packing: bins on stock levels, pick waves with their pick lists, box sizes,
-- product dimensions, packages and what is in them.

alter table inventory_levels add column bin text;
alter table products add column length_mm integer check (length_mm > 0);
alter table products add column width_mm integer check (width_mm > 0);
alter table products add column height_mm integer check (height_mm > 0);

create table pick_waves (
  tenant_id     text not null,
  id            text not null,
  number        bigint not null,
  location_id   text not null,
  status        text not null check (status in ('open','completed','canceled')),
  criteria      jsonb not null default '{}',
  created_by    text not null,
  created_at    timestamptz not null default now(),
  completed_at  timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, location_id) references locations(tenant_id, id)
);
create index pick_waves_location on pick_waves (tenant_id, location_id, status, id);
create index pick_waves_status on pick_waves (tenant_id, status, id);

-- Wave numbers per tenant (1, 2, …), taken with an upsert so concurrent waves never share one.
create table pick_wave_numbers (
  tenant_id    text not null references tenants(id),
  last_number  bigint not null,
  primary key (tenant_id)
);

-- One line per (SKU, bin) of a wave, in walking order; `picked` is what the picker confirmed.
create table pick_list_lines (
  tenant_id     text not null,
  id            text not null,
  wave_id       text not null,
  position      integer not null,
  product_id    text not null,
  sku           text not null,
  bin           text,
  quantity      integer not null check (quantity > 0),
  picked        integer check (picked >= 0 and picked <= quantity),
  confirmed_at  timestamptz,
  confirmed_by  text,
  primary key (tenant_id, id),
  unique (tenant_id, wave_id, position),
  foreign key (tenant_id, wave_id) references pick_waves(tenant_id, id)
);

create table boxes (
  tenant_id     text not null references tenants(id),
  id            text not null,
  code          text not null,
  name          text not null,
  length_mm     integer not null check (length_mm > 0),
  width_mm      integer not null check (width_mm > 0),
  height_mm     integer not null check (height_mm > 0),
  max_weight_g  integer not null check (max_weight_g > 0),
  tare_weight_g integer not null default 0 check (tare_weight_g >= 0),
  active        boolean not null default true,
  created_at    timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code)
);

create table packages (
  tenant_id             text not null,
  id                    text not null,
  fulfillment_order_id  text not null,
  box_id                text,
  length_mm             integer not null check (length_mm > 0),
  width_mm              integer not null check (width_mm > 0),
  height_mm             integer not null check (height_mm > 0),
  weight_g              integer not null check (weight_g > 0),
  weight_source         text not null check (weight_source in ('computed','scale')),
  shipment_id           text,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, fulfillment_order_id) references fulfillment_orders(tenant_id, id)
);
create index packages_fulfillment on packages (tenant_id, fulfillment_order_id);

create table package_items (
  tenant_id      text not null,
  package_id     text not null,
  allocation_id  text not null,
  quantity       integer not null check (quantity > 0),
  primary key (tenant_id, package_id, allocation_id),
  foreign key (tenant_id, package_id) references packages(tenant_id, id),
  foreign key (tenant_id, allocation_id) references order_allocations(tenant_id, id)
);
-- What is already packed of an allocation (packing checks it against picked units).
create index package_items_allocation on package_items (tenant_id, allocation_id);
