-- migrac upgrade script for mysql: 1 migration
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: types_postgres_aliases/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- lock: none | rewrites: no | scans: no | types_postgres_aliases/0001_users.mig:2
CREATE TABLE users (
  id int NOT NULL AUTO_INCREMENT,
  a_int2 smallint,
  a_small smallint,
  a_integer int NOT NULL DEFAULT 0,
  a_int4 int,
  a_int8 bigint,
  a_bool tinyint(1) NOT NULL DEFAULT FALSE,
  a_double double,
  a_float8 double,
  a_float4 float,
  a_real float,
  a_varying varchar(20),
  a_unbounded longtext,
  a_varchar longtext,
  a_character char(2),
  a_tstz datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  a_ts datetime(6),
  a_time time(6),
  a_bytea longblob,
  CONSTRAINT pk_users PRIMARY KEY (id)
);

-- segment 2/2: outside a transaction

-- lock: none | rewrites: no | scans: no | types_postgres_aliases/0001_users.mig:24
CREATE TABLE orders (
  id bigint NOT NULL AUTO_INCREMENT,
  user_id int NOT NULL,
  CONSTRAINT pk_orders PRIMARY KEY (id),
  INDEX fk_orders_user_id_users (user_id),
  CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id)
);
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
