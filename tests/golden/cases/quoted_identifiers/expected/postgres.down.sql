-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_changes (downgrade)
-- file: quoted_identifiers/0002_changes.mig
-- after: 0001_order_items
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on "LineItems" | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:8
ALTER TABLE "LineItems" RENAME TO "Order Items";

-- lock: ACCESS EXCLUSIVE on "Order Items" | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:6
ALTER TABLE "Order Items" ALTER COLUMN "Label" DROP NOT NULL;

-- lock: ACCESS EXCLUSIVE on "Order Items" | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:5
ALTER TABLE "Order Items" RENAME COLUMN "Buyer Name" TO "user";

COMMIT;

-- segment 2/3: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on "Order Items" | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:4
DROP INDEX CONCURRENTLY IF EXISTS "ix_Order Items_order_Label";

-- setting: back to the session default
RESET lock_timeout;

-- segment 3/3: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on "Order Items" | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:3
ALTER TABLE "Order Items" DROP COLUMN "Unit Price";

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_order_items (downgrade)
-- file: quoted_identifiers/0001_order_items.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on "Order Items" | rewrites: no | scans: no | quoted_identifiers/0001_order_items.mig:1
DROP TABLE "Order Items";

COMMIT;
--- exit 0
