-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_rename (downgrade)
-- file: generated_columns_rename/0002_rename.mig
-- after: 0001_items
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on items | rewrites: no | scans: no | generated_columns_rename/0002_rename.mig:4
ALTER TABLE items RENAME COLUMN unit_price TO price;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_items (downgrade)
-- file: generated_columns_rename/0001_items.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on items | rewrites: no | scans: no | generated_columns_rename/0001_items.mig:1
DROP TABLE items;

COMMIT;
--- exit 0
