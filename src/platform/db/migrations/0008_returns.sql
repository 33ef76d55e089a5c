-- After-sales: return policy, returns (RMA) with their items, feedback surveys, customer
-- notifications (an outbox of e-mails) and webhook subscriptions.

create table return_policies (
  tenant_id             text not null references tenants(id),
  window_days           integer not null default 30 check (window_days between 0 and 3650),
  non_returnable_skus   text[] not null default '{}',
  reasons               text[] not null default '{damaged,wrong_item,not_as_described,changed_mind,too_small,too_large,other}',
  restocking_fee_bps    integer not null default 0 check (restocking_fee_bps between 0 and 10000),
  shipping_refund       text not null default 'if_all_returned' check (shipping_refund in ('never','always','if_all_returned')),
  updated_at            timestamptz not null default now(),
  primary key (tenant_id)
);

create table return_numbers (
  tenant_id  text not null references tenants(id),
  last       bigint not null default 0,
  primary key (tenant_id)
);

create table returns (
  tenant_id          text not null,
  id                 text not null,
  number             bigint not null,
  order_id           text not null,
  status             text not null check (status in ('requested','approved','rejected','received','closed')),
  source             text not null check (source in ('customer','staff')),
  note               text,
  reject_reason      text,
  restock_location_id text,
  refund_amount      bigint,
  exchange_order_id  text,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, order_id) references orders(tenant_id, id)
);
create index returns_order on returns (tenant_id, order_id);
create index returns_status on returns (tenant_id, status, id);

create table return_items (
  tenant_id          text not null,
  return_id          text not null,
  order_line_id      text not null,
  quantity           integer not null check (quantity > 0),
  reason             text not null,
  received_quantity  integer not null default 0 check (received_quantity >= 0 and received_quantity <= quantity),
  condition          text check (condition in ('sellable','damaged')),
  primary key (tenant_id, return_id, order_line_id),
  foreign key (tenant_id, return_id) references returns(tenant_id, id)
);

create table surveys (
  tenant_id    text not null,
  id           text not null,
  order_id     text not null,
  token_hash   text not null,
  rating       integer check (rating between 1 and 5),
  comment      text,
  offered_at   timestamptz not null default now(),
  answered_at  timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, order_id),
  foreign key (tenant_id, order_id) references orders(tenant_id, id)
);
create unique index surveys_token on surveys (token_hash);

create table notifications (
  tenant_id        text not null,
  id               text not null,
  order_id         text,
  template         text not null,
  recipient        text not null,
  subject          text not null,
  body_text        text not null,
  body_html        text,
  status           text not null check (status in ('pending','sent','failed')),
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null default now(),
  last_error       text,
  sent_at          timestamptz,
  created_at       timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index notifications_pending on notifications (next_attempt_at) where status = 'pending';
create index notifications_order on notifications (tenant_id, order_id);

create table webhook_endpoints (
  tenant_id   text not null references tenants(id),
  id          text not null,
  url         text not null,
  secret      text not null,
  topics      text[] not null,
  active      boolean not null default true,
  created_at  timestamptz not null default now(),
  primary key (tenant_id, id)
);

create table webhook_deliveries (
  tenant_id        text not null,
  id               text not null,
  endpoint_id      text not null,
  outbox_id        bigint not null,
  topic            text not null,
  payload          jsonb not null,
  status           text not null check (status in ('pending','delivered','failed')),
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null default now(),
  last_status      integer,
  last_error       text,
  delivered_at     timestamptz,
  created_at       timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, endpoint_id, outbox_id)
);
create index webhook_deliveries_pending on webhook_deliveries (next_attempt_at) where status = 'pending';

-- The outbox relay's retry bookkeeping.
alter table outbox add column next_attempt_at timestamptz not null default now();
alter table outbox add column last_error text;
