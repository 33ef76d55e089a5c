-- Staff user accounts for the web app: users with a role and an argon2id password
-- hash, their sign-in sessions, and the counter behind the login rate limit. Like every
-- table, each leads its primary key with tenant_id.

create table users (
  tenant_id      text not null references tenants(id),
  id             text not null,
  email          text not null,
  name           text,
  role           text not null check (role in ('admin','operator','warehouse','analyst')),
  password_hash  text not null,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  last_login_at  timestamptz,
  disabled_at    timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, email)
);

-- A session is found by the hash of its cookie's token alone (the hash identifies the
-- tenant, as with API keys). The CSRF token is kept as a hash too.
create table user_sessions (
  tenant_id     text not null,
  id            text not null,
  user_id       text not null,
  token_hash    text not null,
  csrf_hash     text not null,
  ip            text,
  user_agent    text,
  created_at    timestamptz not null default now(),
  last_seen_at  timestamptz not null default now(),
  expires_at    timestamptz not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users(tenant_id, id) on delete cascade
);
create unique index user_sessions_token on user_sessions (token_hash);
create index user_sessions_user on user_sessions (tenant_id, user_id);
create index user_sessions_expires on user_sessions (expires_at);

-- Sign-in attempts per (e-mail, client address) in a fixed window. Attempts are counted
-- before the password is checked, so parallel guesses cannot slip past the limit. No
-- foreign key to tenants: attempts against unknown tenants are counted too.
create table login_attempts (
  tenant_id          text not null,
  email              text not null,
  ip                 text not null,
  attempts           integer not null,
  window_started_at  timestamptz not null,
  primary key (tenant_id, email, ip)
);
create index login_attempts_window on login_attempts (window_started_at);
