-- Foundation schema: tenancy, access keys, catalog, locations, channels, customers,
-- inventory (levels + append-only ledger), orders with lines, allocations, timeline,
-- outbox and idempotency keys. Every table leads its primary key with tenant_id so the
-- schema can later be distributed by tenant.

create extension if not exists pg_trgm;

create table tenants (
  id          text primary key,
  name        text not null,
  created_at  timestamptz not null default now()
);

create table channels (
  tenant_id   text not null references tenants(id),
  id          text not null,
  code        text not null,
  name        text not null,
  kind        text not null check (kind in ('web','pos','call_center','mobile','kiosk','marketplace')),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code)
);

create table api_keys (
  tenant_id    text not null references tenants(id),
  id           text not null,
  name         text not null,
  role         text not null check (role in ('admin','operator','warehouse','analyst','channel')),
  channel_id   text,
  key_hash     text not null,
  key_prefix   text not null,
  created_at   timestamptz not null default now(),
  revoked_at   timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, channel_id) references channels(tenant_id, id),
  check ((role = 'channel') = (channel_id is not null))
);
-- Keys are looked up by hash alone: the hash identifies the tenant.
create unique index api_keys_hash on api_keys (key_hash);

create table products (
  tenant_id         text not null references tenants(id),
  id                text not null,
  sku               text not null,
  name              text not null,
  price             bigint not null check (price >= 0),
  currency          char(3) not null,
  weight_g          integer check (weight_g >= 0),
  barcode           text,
  inventory_policy  text not null default 'deny' check (inventory_policy in ('deny','continue')),
  active            boolean not null default true,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, sku)
);
create unique index products_barcode on products (tenant_id, barcode) where barcode is not null;
create index products_name_trgm on products using gin (name gin_trgm_ops);

create table channel_prices (
  tenant_id   text not null,
  channel_id  text not null,
  product_id  text not null,
  currency    char(3) not null,
  price       bigint not null check (price >= 0),
  updated_at  timestamptz not null default now(),
  primary key (tenant_id, channel_id, product_id, currency),
  foreign key (tenant_id, channel_id) references channels(tenant_id, id),
  foreign key (tenant_id, product_id) references products(tenant_id, id)
);

create table locations (
  tenant_id   text not null references tenants(id),
  id          text not null,
  code        text not null,
  name        text not null,
  kind        text not null check (kind in ('warehouse','store')),
  address     jsonb not null,
  latitude    double precision check (latitude between -90 and 90),
  longitude   double precision check (longitude between -180 and 180),
  ships       boolean not null,
  pickup      boolean not null,
  priority    integer not null default 100,
  active      boolean not null default true,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code)
);

create table customers (
  tenant_id   text not null references tenants(id),
  id          text not null,
  email       text not null,
  name        text,
  phone       text,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, email)
);
create index customers_name_trgm on customers using gin (name gin_trgm_ops);

-- Stock per (product, location). reserved never exceeds on_hand: the reservation
-- statement is guarded the same way, and this constraint is the last line of defence.
create table inventory_levels (
  tenant_id    text not null,
  product_id   text not null,
  location_id  text not null,
  on_hand      integer not null default 0,
  reserved     integer not null default 0,
  updated_at   timestamptz not null default now(),
  primary key (tenant_id, product_id, location_id),
  foreign key (tenant_id, product_id) references products(tenant_id, id),
  foreign key (tenant_id, location_id) references locations(tenant_id, id),
  constraint inventory_levels_bounds check (reserved >= 0 and on_hand >= reserved)
);

-- The append-only ledger: every change of on_hand or reserved has exactly one row here.
create table inventory_movements (
  tenant_id       text not null,
  id              bigint generated always as identity,
  product_id      text not null,
  location_id     text not null,
  delta_on_hand   integer not null,
  delta_reserved  integer not null,
  reason          text not null check (reason in ('receipt','count','damage','loss','correction','reservation','release','shipment','return','transfer')),
  order_id        text,
  note            text,
  actor           text not null,
  created_at      timestamptz not null default now(),
  primary key (tenant_id, id),
  check (delta_on_hand <> 0 or delta_reserved <> 0)
);
create index inventory_movements_product on inventory_movements (tenant_id, product_id, location_id, id);

create table orders (
  tenant_id           text not null,
  id                  text not null,
  number              bigint not null,
  channel_id          text not null,
  external_id         text,
  status              text not null check (status in ('open','on_hold','canceled','completed')),
  currency            char(3) not null,
  customer_id         text,
  email               text,
  customer_name       text,
  shipping_address    jsonb,
  billing_address     jsonb,
  delivery_type       text not null check (delivery_type in ('ship','pickup')),
  pickup_location_id  text,
  shipping_method     text,
  subtotal            bigint not null,
  discount_total      bigint not null,
  shipping_total      bigint not null,
  tax_total           bigint not null,
  total               bigint not null check (total >= 0),
  note                text,
  hold_reason         text,
  cancel_reason       text,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, channel_id) references channels(tenant_id, id),
  foreign key (tenant_id, customer_id) references customers(tenant_id, id)
);
create unique index orders_channel_external on orders (tenant_id, channel_id, external_id) where external_id is not null;
-- Lists page newest first by id (ids are time-ordered); each filter has an index that
-- ends in id so a page is an index range scan, never an offset.
create index orders_status on orders (tenant_id, status, id);
create index orders_channel on orders (tenant_id, channel_id, id);
create index orders_email on orders (tenant_id, email, id);
create index orders_customer on orders (tenant_id, customer_id, id);
create index orders_created on orders (tenant_id, created_at);
create index orders_external on orders (tenant_id, external_id);
create index orders_customer_name_trgm on orders using gin (customer_name gin_trgm_ops);

create table order_lines (
  tenant_id           text not null,
  id                  text not null,
  order_id            text not null,
  position            integer not null,
  product_id          text not null,
  sku                 text not null,
  name                text not null,
  quantity            integer not null check (quantity > 0),
  unit_price          bigint not null check (unit_price >= 0),
  discount_allocated  bigint not null default 0,
  total               bigint not null,
  backordered         integer not null default 0 check (backordered >= 0 and backordered <= quantity),
  primary key (tenant_id, id),
  unique (tenant_id, order_id, position),
  foreign key (tenant_id, order_id) references orders(tenant_id, id)
);
create index order_lines_product on order_lines (tenant_id, product_id);

-- Where each line's units are held. 'reserved' rows are what inventory_levels.reserved
-- counts; fulfillment later moves them to 'fulfilled', cancellation to 'released'.
create table order_allocations (
  tenant_id      text not null,
  id             text not null,
  order_id       text not null,
  order_line_id  text not null,
  product_id     text not null,
  location_id    text not null,
  quantity       integer not null check (quantity > 0),
  status         text not null check (status in ('reserved','released','fulfilled')),
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, order_line_id) references order_lines(tenant_id, id)
);
create index order_allocations_order on order_allocations (tenant_id, order_id);
create index order_allocations_open on order_allocations (tenant_id, product_id, location_id) where status = 'reserved';

create table order_events (
  tenant_id   text not null,
  id          bigint generated always as identity,
  order_id    text not null,
  type        text not null,
  actor       text not null,
  data        jsonb not null default '{}',
  at          timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index order_events_order on order_events (tenant_id, order_id, id);

-- Transactional outbox: rows written with the change they announce, relayed after commit.
create table outbox (
  tenant_id     text not null,
  id            bigint generated always as identity,
  topic         text not null,
  aggregate_id  text not null,
  payload       jsonb not null,
  created_at    timestamptz not null default now(),
  published_at  timestamptz,
  attempts      integer not null default 0,
  primary key (tenant_id, id)
);
create index outbox_pending on outbox (id) where published_at is null;

create table idempotency_keys (
  tenant_id      text not null,
  key            text not null,
  request_hash   text not null,
  status_code    integer not null,
  response_body  jsonb,
  created_at     timestamptz not null default now(),
  primary key (tenant_id, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);
