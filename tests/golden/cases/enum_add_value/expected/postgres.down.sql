-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_refunded (downgrade)
-- file: enum_add_value/0002_refunded.mig
-- after: 0001_enum
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:10
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending';

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_enum (downgrade)
-- file: enum_add_value/0001_enum.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | enum_add_value/0001_enum.mig:3
DROP TABLE orders;

-- lock: ACCESS EXCLUSIVE on order_status | rewrites: no | scans: no | enum_add_value/0001_enum.mig:1
DROP TYPE order_status;

COMMIT;
--- exit 0
