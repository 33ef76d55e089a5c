-- Payments and holds. A payment is one payment method on an order (card, invoice, cash on
-- delivery, marketplace-prepaid); its provider calls are rows in payment_transactions,
-- written as `pending` in the transaction that decides them and executed after commit
-- (each with its own idempotency key), so a crash in between neither loses nor repeats a call.

alter table channels add column capture_mode text not null default 'on_shipment' check (capture_mode in ('on_shipment','immediate'));

create table payments (
  tenant_id            text not null,
  id                   text not null,
  order_id             text not null,
  provider             text not null check (provider in ('test_card','manual','cash_on_delivery','prepaid')),
  method               text,
  token                text,
  currency             char(3) not null,
  amount               bigint not null check (amount >= 0),
  status               text not null check (status in ('pending','authorized','declined','failed','expired','voided','captured','partially_captured')),
  provider_reference   text,
  authorized_amount    bigint not null default 0 check (authorized_amount >= 0),
  captured_amount      bigint not null default 0 check (captured_amount >= 0),
  refunded_amount      bigint not null default 0 check (refunded_amount >= 0 and refunded_amount <= captured_amount),
  authorization_expires_at timestamptz,
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, order_id) references orders(tenant_id, id)
);
create index payments_order on payments (tenant_id, order_id);

create table payment_transactions (
  tenant_id           text not null,
  id                  text not null,
  payment_id          text not null,
  kind                text not null check (kind in ('authorize','capture','void','refund')),
  amount              bigint not null check (amount >= 0),
  status              text not null check (status in ('pending','succeeded','failed')),
  idempotency_key     text not null,
  shipment_id         text,
  refund_id           text,
  provider_reference  text,
  error_code          text,
  error_message       text,
  attempts            integer not null default 0,
  next_attempt_at     timestamptz not null default now(),
  created_at          timestamptz not null default now(),
  completed_at        timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, idempotency_key),
  foreign key (tenant_id, payment_id) references payments(tenant_id, id)
);
create index payment_transactions_pending on payment_transactions (next_attempt_at) where status = 'pending';
create index payment_transactions_payment on payment_transactions (tenant_id, payment_id);

-- Refunds: money given back on an order (after a return, or as a goodwill gesture); each
-- is spread over the order's captured payments as refund transactions.
create table refunds (
  tenant_id   text not null,
  id          text not null,
  order_id    text not null,
  return_id   text,
  amount      bigint not null check (amount > 0),
  currency    char(3) not null,
  reason      text,
  actor       text not null,
  created_at  timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, order_id) references orders(tenant_id, id)
);
create index refunds_order on refunds (tenant_id, order_id);

-- Typed holds; an order is on_hold while it has at least one active hold.
create table order_holds (
  tenant_id    text not null,
  id           text not null,
  order_id     text not null,
  type         text not null check (type in ('payment_declined','fraud_review','address_invalid','manual')),
  reason       text,
  rule_id      text,
  created_by   text not null,
  created_at   timestamptz not null default now(),
  released_at  timestamptz,
  released_by  text,
  -- payment_declined: when the reservations are released if the hold is still active.
  expires_at   timestamptz,
  -- When the expiry was acted on (reservations released); the hold itself stays active.
  expired_at   timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, order_id) references orders(tenant_id, id)
);
create index order_holds_order on order_holds (tenant_id, order_id) where released_at is null;
create index order_holds_expiring on order_holds (expires_at) where released_at is null and expires_at is not null and expired_at is null;

create table hold_rules (
  tenant_id   text not null references tenants(id),
  id          text not null,
  name        text not null,
  kind        text not null check (kind in ('total_above','country_not_in','email_velocity')),
  params      jsonb not null,
  hold_type   text not null check (hold_type in ('fraud_review','address_invalid','manual')),
  active      boolean not null default true,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  primary key (tenant_id, id)
);

-- The test_card sandbox gateway's own books. It stands for a remote gateway, so it is
-- written outside our transactions (autocommit), keyed by the caller's idempotency key:
-- a repeated call answers the first result, and tests count real charges here.
create table test_card_gateway (
  tenant_id               text not null,
  idempotency_key         text not null,
  operation               text not null check (operation in ('authorize','capture','void','refund')),
  token                   text,
  amount                  bigint not null check (amount >= 0),
  -- For capture/void/refund: the authorization they act on.
  authorization_reference text,
  reference               text,
  outcome                 text check (outcome in ('succeeded','declined','failed')),
  error_code              text,
  -- Times the gateway answered "unavailable" for this key (tok_unavailable).
  failures                integer not null default 0,
  created_at              timestamptz not null default now(),
  primary key (tenant_id, idempotency_key)
);
create index test_card_gateway_authorization on test_card_gateway (tenant_id, authorization_reference);

create table payment_settings (
  tenant_id                      text not null references tenants(id),
  declined_hold_minutes          integer not null default 4320 check (declined_hold_minutes between 1 and 525600),
  updated_at                     timestamptz not null default now(),
  primary key (tenant_id)
);

-- Order edits, versioned: what changed, and the totals and payment difference it made.
alter table orders add column version integer not null default 1;
create table order_edits (
  tenant_id           text not null,
  id                  text not null,
  order_id            text not null,
  version             integer not null,
  changes             jsonb not null,
  previous_totals     jsonb not null,
  new_totals          jsonb not null,
  payment_difference  bigint not null,
  -- What the payment difference asked of the payments: more authorization, a void of the
  -- unneeded authorization, a refund of captured money, or nothing.
  payment_action      text not null default 'none' check (payment_action in ('none','authorize','refund','void')),
  -- Reserved units per (sku, location) and backordered units per sku (location null) the edit moved.
  stock               jsonb not null default '[]',
  actor               text not null,
  created_at          timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, order_id, version),
  foreign key (tenant_id, order_id) references orders(tenant_id, id)
);
