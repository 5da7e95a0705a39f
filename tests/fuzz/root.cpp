// The fixed root migration of the fuzz targets (root.h).

#include "tests/fuzz/root.h"

namespace migrac::fuzz {

const char* const kRootMigration = R"(-- The fixed root of every fuzzed migration.
create enum order_status ('pending', 'paid', 'shipped', 'cancelled');

create table users (
  id             bigint identity primary key,
  email          varchar(255) not null unique,
  username       varchar(100) not null,
  password_hash  varchar(255) not null,
  full_name      varchar(200),
  is_active      bool not null default true,
  bio            text,
  age            int,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  constraint uq_users_username unique (username)
);

create table orders (
  id          bigint identity primary key,
  user_id     bigint not null references users (id) on delete cascade,
  amount      decimal(10, 2) not null check (amount >= 0),
  status      order_status not null default 'pending',
  note        text,
  created_at  timestamptz not null default now()
);

create index on orders (user_id);

create table articles (
  id          bigint identity primary key,
  author_id   bigint references users (id),
  title       varchar(300) not null,
  body        text,
  slug        varchar(200),
  published   bool not null default false,
  payload     jsonb,
  uid         uuid,
  created_at  timestamp
);
)";

}  // namespace migrac::fuzz
