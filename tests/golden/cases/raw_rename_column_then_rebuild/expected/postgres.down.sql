-- migrac downgrade script for postgres: 3 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0003_nullable (downgrade)
-- file: raw_rename_column_then_rebuild/0003_nullable.mig
-- after: 0002_rename
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on products | rewrites: no | scans: no | raw_rename_column_then_rebuild/0003_nullable.mig:4
ALTER TABLE products ADD CONSTRAINT ck_products_amount_not_null CHECK (amount IS NOT NULL) NOT VALID;

COMMIT;

-- segment 2/3: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on products | rewrites: no | scans: yes | raw_rename_column_then_rebuild/0003_nullable.mig:4
ALTER TABLE products VALIDATE CONSTRAINT ck_products_amount_not_null;

COMMIT;

-- segment 3/3: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on products | rewrites: no | scans: no | raw_rename_column_then_rebuild/0003_nullable.mig:4
ALTER TABLE products ALTER COLUMN amount SET NOT NULL;

-- lock: ACCESS EXCLUSIVE on products | rewrites: no | scans: no | raw_rename_column_then_rebuild/0003_nullable.mig:4
ALTER TABLE products DROP CONSTRAINT ck_products_amount_not_null;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_rename (downgrade)
-- file: raw_rename_column_then_rebuild/0002_rename.up.sql
-- after: 0001_products
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- raw SQL: locks not analyzed | raw_rename_column_then_rebuild/0002_rename.down.sql:1
ALTER TABLE products RENAME COLUMN amount TO price;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_products (downgrade)
-- file: raw_rename_column_then_rebuild/0001_products.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on products | rewrites: no | scans: no | raw_rename_column_then_rebuild/0001_products.mig:6
DROP INDEX ix_products_price;

-- lock: ACCESS EXCLUSIVE on products | rewrites: no | scans: no | raw_rename_column_then_rebuild/0001_products.mig:1
DROP TABLE products;

COMMIT;
--- exit 0
