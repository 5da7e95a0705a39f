-- migrac downgrade script for postgres: 3 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0003_drop_default (downgrade)
-- file: column_default/0003_drop_default.mig
-- after: 0002_defaults
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | column_default/0003_drop_default.mig:3
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending';

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_defaults (downgrade)
-- file: column_default/0002_defaults.mig
-- after: 0001_orders
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | column_default/0002_defaults.mig:5
ALTER TABLE orders ALTER COLUMN note DROP DEFAULT;

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | column_default/0002_defaults.mig:4
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_orders (downgrade)
-- file: column_default/0001_orders.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | column_default/0001_orders.mig:1
DROP TABLE orders;

COMMIT;
--- exit 0
