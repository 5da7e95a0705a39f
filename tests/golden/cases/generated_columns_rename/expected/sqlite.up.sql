-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_items
-- file: generated_columns_rename/0001_items.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | generated_columns_rename/0001_items.mig:1
CREATE TABLE items (
  id INTEGER NOT NULL CONSTRAINT pk_items PRIMARY KEY AUTOINCREMENT,
  price NUMERIC NOT NULL,
  quantity INTEGER NOT NULL,
  total NUMERIC GENERATED ALWAYS AS (price * quantity) STORED NOT NULL
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_rename
-- file: generated_columns_rename/0002_rename.mig
-- after: 0001_items
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on items | rewrites: no | scans: no | generated_columns_rename/0002_rename.mig:4
ALTER TABLE items RENAME COLUMN price TO unit_price;

COMMIT;
--- exit 0
