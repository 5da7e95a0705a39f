-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0003_raw (downgrade)
-- file: lint_vacuum_full_clean/0003_raw.up.sql
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- raw SQL: locks not analyzed | lint_vacuum_full_clean/0003_raw.down.sql:1
SELECT 1;

-- setting: back to the session default
RESET lock_timeout;

-- ---------------------------------------------------------------------------
-- migration: 0001_base (downgrade)
-- file: lint_vacuum_full_clean/0001_base.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on order_status | rewrites: no | scans: no | lint_vacuum_full_clean/0001_base.mig:17
DROP TYPE order_status;

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | lint_vacuum_full_clean/0001_base.mig:10
DROP TABLE orders;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | lint_vacuum_full_clean/0001_base.mig:2
DROP TABLE users;

COMMIT;
--- exit 0
