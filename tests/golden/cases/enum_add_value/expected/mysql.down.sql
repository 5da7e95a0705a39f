-- migrac downgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0002_refunded (downgrade)
-- file: enum_add_value/0002_refunded.mig
-- after: 0001_enum
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on orders | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:10
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending', ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- ---------------------------------------------------------------------------
-- migration: 0001_enum (downgrade)
-- file: enum_add_value/0001_enum.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: exclusive metadata lock on orders | rewrites: no | scans: no | enum_add_value/0001_enum.mig:3
DROP TABLE orders;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
