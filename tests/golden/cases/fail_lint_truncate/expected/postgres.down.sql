-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0003_raw (downgrade)
-- file: fail_lint_truncate/0003_raw.up.sql
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- raw SQL: locks not analyzed | fail_lint_truncate/0003_raw.down.sql:1
SELECT 1;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_base (downgrade)
-- file: fail_lint_truncate/0001_base.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on order_status | rewrites: no | scans: no | fail_lint_truncate/0001_base.mig:17
DROP TYPE order_status;

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | fail_lint_truncate/0001_base.mig:10
DROP TABLE orders;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | fail_lint_truncate/0001_base.mig:2
DROP TABLE users;

COMMIT;
--- exit 0
