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
  last       bigint not null default 1000,
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
  -- Staff let the return past the window or the non-returnable list (the timeline says which).
  override_policy    boolean not null default false,
  restock_location_id text,
  -- What the refund on close was made of; refund_amount is what went back to the payments.
  refund_amount      bigint check (refund_amount >= 0),
  refund_items       bigint check (refund_items >= 0),
  refund_tax         bigint check (refund_tax >= 0),
  refund_shipping    bigint check (refund_shipping >= 0),
  restocking_fee     bigint check (restocking_fee >= 0),
  refund_id          text,
  -- Exchange: the replacement lines asked for, the order made from them on approval, and
  -- how much of the returned items' value that order used as its discount.
  exchange_lines     jsonb,
  exchange_order_id  text,
  exchange_credit    bigint check (exchange_credit >= 0),
  received_at        timestamptz,
  closed_at          timestamptz,
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
  -- Of the units received, how many were damaged (written off); the rest were restocked.
  damaged_quantity   integer not null default 0 check (damaged_quantity >= 0 and damaged_quantity <= received_quantity),
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
create index surveys_answered on surveys (tenant_id, answered_at) where answered_at is not null;

-- A customer e-mail, rendered by the outbox relay and sent by the sender worker. 'logged'
-- means no SMTP server was configured: the mail was written to the log instead of sent.
create table notifications (
  tenant_id        text not null,
  id               text not null,
  order_id         text,
  -- The outbox event it was rendered from: one mail per (event, template), even if a relay retries.
  outbox_id        bigint,
  template         text not null,
  recipient        text not null,
  subject          text not null,
  body_text        text not null,
  body_html        text,
  status           text not null check (status in ('pending','sent','logged','failed')),
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null default now(),
  last_error       text,
  -- The SMTP server's answer to the accepted message (its queue id), for tracing a mail.
  smtp_response    text,
  sent_at          timestamptz,
  created_at       timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index notifications_pending on notifications (next_attempt_at) where status = 'pending';
create index notifications_order on notifications (tenant_id, order_id);
create unique index notifications_event on notifications (tenant_id, outbox_id, template) where outbox_id is not null;

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
create index webhook_deliveries_endpoint on webhook_deliveries (tenant_id, endpoint_id, id);

-- The outbox relay's retry bookkeeping. A row whose subscribers keep failing is retried
-- with backoff and, after the last attempt, marked failed_at: kept for an operator, no
-- longer claimed.
alter table outbox add column next_attempt_at timestamptz not null default now();
alter table outbox add column last_error text;
alter table outbox add column failed_at timestamptz;
