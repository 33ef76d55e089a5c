-- Demand history, forecasts, replenishment settings, suppliers and purchase orders.
-- Every table leads its primary key with tenant_id, like the foundation's.

-- Purchasing ---------------------------------------------------------------------------

create table suppliers (
  tenant_id       text not null references tenants(id),
  id              text not null,
  code            text not null,
  name            text not null,
  currency        char(3) not null,
  -- Days from ordering to arrival; null means "use the tenant default".
  lead_time_days  integer check (lead_time_days between 0 and 365),
  email           text,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code)
);

-- Human purchase order numbers, one counter row per tenant. The row lock taken by the
-- increment serializes purchase order creation per tenant, which is rare enough.
create table purchase_order_numbers (
  tenant_id    text not null references tenants(id),
  last_number  bigint not null,
  primary key (tenant_id)
);

create table purchase_orders (
  tenant_id      text not null,
  id             text not null,
  number         bigint not null,
  supplier_id    text not null,
  -- Where the goods are expected: on-order quantities count here.
  location_id    text not null,
  status         text not null check (status in ('draft','ordered','partially_received','received','canceled')),
  currency       char(3) not null,
  expected_date  date,
  reference      text,
  note           text,
  cancel_reason  text,
  created_by     text not null,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  submitted_at   timestamptz,
  received_at    timestamptz,
  canceled_at    timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, supplier_id) references suppliers(tenant_id, id),
  foreign key (tenant_id, location_id) references locations(tenant_id, id)
);
create index purchase_orders_status on purchase_orders (tenant_id, status, id);
create index purchase_orders_supplier on purchase_orders (tenant_id, supplier_id, id);

create table purchase_order_lines (
  tenant_id          text not null,
  id                 text not null,
  purchase_order_id  text not null,
  position           integer not null,
  product_id         text not null,
  quantity           integer not null check (quantity > 0),
  quantity_received  integer not null default 0,
  unit_cost          bigint not null check (unit_cost >= 0),
  primary key (tenant_id, id),
  unique (tenant_id, purchase_order_id, position),
  unique (tenant_id, purchase_order_id, product_id),
  foreign key (tenant_id, purchase_order_id) references purchase_orders(tenant_id, id),
  foreign key (tenant_id, product_id) references products(tenant_id, id),
  -- Over-receipt is refused: what arrives beyond the order is a new order or a count.
  check (quantity_received >= 0 and quantity_received <= quantity)
);
create index purchase_order_lines_product on purchase_order_lines (tenant_id, product_id);

-- One row per delivery; the stock itself moves through inventory_movements (reason
-- 'receipt', the purchase order number and this receipt's id in the note).
create table purchase_order_receipts (
  tenant_id          text not null,
  id                 text not null,
  purchase_order_id  text not null,
  location_id        text not null,
  lines              jsonb not null,
  note               text,
  actor              text not null,
  created_at         timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, purchase_order_id) references purchase_orders(tenant_id, id),
  foreign key (tenant_id, location_id) references locations(tenant_id, id)
);
create index purchase_order_receipts_order on purchase_order_receipts (tenant_id, purchase_order_id, id);

-- Demand -------------------------------------------------------------------------------

-- Units ordered per product, location and UTC day, from non-canceled, non-test orders.
-- location_id is '*' for units that could not be placed at any location (no location
-- exists), so the product's total still counts them; hence no foreign key on it.
create table demand_daily (
  tenant_id    text not null,
  product_id   text not null,
  location_id  text not null,
  day          date not null,
  quantity     integer not null check (quantity > 0),
  orders       integer not null check (orders > 0),
  primary key (tenant_id, product_id, location_id, day)
);
create index demand_daily_day on demand_daily (tenant_id, day);

-- Where the incremental refresh stands, per tenant (see demand.service.ts): order
-- events with an id above safe_event_id still have to be looked at.
create table demand_refresh_state (
  tenant_id        text not null references tenants(id),
  safe_event_id    bigint not null default 0,
  latest_event_id  bigint not null default 0,
  latest_read_at   timestamptz,
  refreshed_at     timestamptz,
  full_refresh_at  timestamptz,
  primary key (tenant_id)
);

-- The latest forecast per product and location (weekly periods from as_of), and the
-- stock policy computed from it with the settings recorded beside it.
create table demand_forecasts (
  tenant_id           text not null,
  product_id          text not null,
  location_id         text not null,
  as_of               date not null,
  period_days         integer not null,
  method              text not null,
  history_periods     integer not null,
  point               jsonb not null,
  quantiles           jsonb not null,
  lead_time_days      integer not null,
  review_period_days  integer not null,
  service_level       double precision not null,
  service_kind        text not null,
  lead_time_demand    double precision not null,
  protection_demand   double precision not null,
  safety_stock        double precision not null,
  reorder_point       double precision not null,
  order_up_to         double precision not null,
  computed_at         timestamptz not null default now(),
  primary key (tenant_id, product_id, location_id),
  foreign key (tenant_id, product_id) references products(tenant_id, id),
  foreign key (tenant_id, location_id) references locations(tenant_id, id)
);

-- Replenishment settings ----------------------------------------------------------------

-- Tenant defaults; a tenant without a row uses the defaults in replenishment-settings.ts.
create table replenishment_settings (
  tenant_id           text not null references tenants(id),
  lead_time_days      integer not null check (lead_time_days between 0 and 365),
  review_period_days  integer not null check (review_period_days between 1 and 365),
  service_level       double precision not null check (service_level > 0.5 and service_level < 1),
  service_kind        text not null check (service_kind in ('cycle','fill')),
  overstock_weeks     integer not null check (overstock_weeks between 1 and 520),
  horizon_weeks       integer not null check (horizon_weeks between 1 and 104),
  updated_at          timestamptz not null default now(),
  primary key (tenant_id)
);

-- Per product overrides; a null column falls back to the supplier, then the tenant.
create table product_replenishment (
  tenant_id           text not null,
  product_id          text not null,
  supplier_id         text,
  lead_time_days      integer check (lead_time_days between 0 and 365),
  review_period_days  integer check (review_period_days between 1 and 365),
  service_level       double precision check (service_level > 0.5 and service_level < 1),
  minimum_order       integer check (minimum_order > 0),
  pack_size           integer check (pack_size > 0),
  unit_cost           bigint check (unit_cost >= 0),
  updated_at          timestamptz not null default now(),
  primary key (tenant_id, product_id),
  foreign key (tenant_id, product_id) references products(tenant_id, id),
  foreign key (tenant_id, supplier_id) references suppliers(tenant_id, id)
);
