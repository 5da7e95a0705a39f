-- migrac downgrade script for mysql: 1 migration
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: types_postgres_aliases/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: exclusive metadata lock on orders | rewrites: no | scans: no | types_postgres_aliases/0001_users.mig:24
DROP TABLE orders;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 2/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: exclusive metadata lock on users | rewrites: no | scans: no | types_postgres_aliases/0001_users.mig:2
DROP TABLE users;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
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
