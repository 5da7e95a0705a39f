-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_order_items
-- file: quoted_identifiers/0001_order_items.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | quoted_identifiers/0001_order_items.mig:1
CREATE TABLE "Order Items" (
  Id INTEGER NOT NULL CONSTRAINT "pk_Order Items" PRIMARY KEY AUTOINCREMENT,
  "order" INTEGER NOT NULL,
  Label TEXT,
  user TEXT
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_changes
-- file: quoted_identifiers/0002_changes.mig
-- after: 0001_order_items
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/5: outside a transaction

-- lock: none | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:6
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/5: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on "Order Items" | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:3
ALTER TABLE "Order Items" ADD COLUMN "Unit Price" NUMERIC DEFAULT 0;

-- lock: WRITE (the whole database) on "Order Items" | rewrites: no | scans: yes | quoted_identifiers/0002_changes.mig:4
CREATE INDEX "ix_Order Items_order_Label" ON "Order Items" ("order", Label);

-- lock: WRITE (the whole database) on "Order Items" | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:5
ALTER TABLE "Order Items" RENAME COLUMN user TO "Buyer Name";

-- lock: WRITE (the whole database) on "Order Items" | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:6
-- rebuild of table 'Order Items': sqlite cannot set not null on column 'Label' in place
CREATE TABLE "migrac_new_Order Items" (
  Id INTEGER NOT NULL CONSTRAINT "pk_Order Items" PRIMARY KEY AUTOINCREMENT,
  "order" INTEGER NOT NULL,
  Label TEXT NOT NULL,
  "Buyer Name" TEXT,
  "Unit Price" NUMERIC DEFAULT 0
);

-- lock: WRITE (the whole database) on "Order Items" | rewrites: yes | scans: yes | quoted_identifiers/0002_changes.mig:6
INSERT INTO "migrac_new_Order Items" (Id, "order", Label, "Buyer Name", "Unit Price") SELECT Id, "order", Label, "Buyer Name", "Unit Price" FROM "Order Items";

-- lock: WRITE (the whole database) on "Order Items" | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:6
DROP TABLE "Order Items";

-- lock: none | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:6
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on "Order Items" | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:6
ALTER TABLE "migrac_new_Order Items" RENAME TO "Order Items";

-- lock: none | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:6
PRAGMA legacy_alter_table = OFF;

-- lock: WRITE (the whole database) on "Order Items" | rewrites: no | scans: yes | quoted_identifiers/0002_changes.mig:6
CREATE INDEX "ix_Order Items_order_Label" ON "Order Items" ("order", Label);

-- lock: none | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:6
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

COMMIT;

-- segment 3/5: outside a transaction

-- backfill: in batches, each committed, until no row is left | lock: WRITE (the whole database) on "Order Items" | rewrites: no | scans: yes | quoted_identifiers/0002_changes.mig:7
-- migrac upgrade walks the key in ranges of 100 instead, each batch after the last key done ($1):
--   bound:  SELECT migrac_k1 FROM (SELECT Id AS migrac_k1 FROM "Order Items" WHERE Id > $1 ORDER BY Id LIMIT 100) migrac_batch ORDER BY migrac_k1 DESC LIMIT 1
--   update: UPDATE "Order Items" SET Label = upper(Label) WHERE Id > $1 AND Id <= $2 AND Label <> upper(Label) AND Label IS NOT upper(Label)
--   rows:   SELECT count(*) FROM "Order Items"
-- the sqlite3 shell cannot repeat a batch: every row in one statement
UPDATE "Order Items" SET Label = upper(Label) WHERE Label <> upper(Label) AND Label IS NOT upper(Label);

-- segment 4/5: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on "Order Items" | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:8
ALTER TABLE "Order Items" RENAME TO LineItems;

COMMIT;

-- segment 5/5: outside a transaction

-- lock: none | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:6
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;
--- exit 0
