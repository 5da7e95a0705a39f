-- migrac upgrade script for sqlite: 1 migration
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: types_postgres_aliases/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | types_postgres_aliases/0001_users.mig:2
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  a_int2 INTEGER,
  a_small INTEGER,
  a_integer INTEGER NOT NULL DEFAULT 0,
  a_int4 INTEGER,
  a_int8 INTEGER,
  a_bool INTEGER NOT NULL DEFAULT FALSE,
  a_double REAL,
  a_float8 REAL,
  a_float4 REAL,
  a_real REAL,
  a_varying TEXT,
  a_unbounded TEXT,
  a_varchar TEXT,
  a_character TEXT,
  a_tstz TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  a_ts TEXT,
  a_time TEXT,
  a_bytea BLOB
);

-- lock: none | rewrites: no | scans: no | types_postgres_aliases/0001_users.mig:24
CREATE TABLE orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL,
  CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id)
);

COMMIT;
--- stderr
types_postgres_aliases/0001_users.mig:3:15: info[I0230]: 'serial' is read as 'int identity'
    3 |   id          serial primary key,
      |               ^^^^^^
  help: write 'int identity'
types_postgres_aliases/0001_users.mig:25:12: info[I0230]: 'bigserial' is read as 'bigint identity'
   25 |   id       bigserial primary key,
      |            ^^^^^^^^^
  help: write 'bigint identity'
--- exit 0
