-- migrac upgrade script for sqlite: 3 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_products
-- file: raw_rename_column_then_rebuild/0001_products.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | raw_rename_column_then_rebuild/0001_products.mig:1
CREATE TABLE products (
  id INTEGER NOT NULL CONSTRAINT pk_products PRIMARY KEY AUTOINCREMENT,
  price INTEGER NOT NULL,
  CONSTRAINT ck_products_price CHECK (price > 0)
);

-- lock: WRITE (the whole database) on products | rewrites: no | scans: yes | raw_rename_column_then_rebuild/0001_products.mig:6
CREATE INDEX ix_products_price ON products (price) WHERE price > 0;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_rename
-- file: raw_rename_column_then_rebuild/0002_rename.up.sql
-- after: 0001_products
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- raw SQL: locks not analyzed | raw_rename_column_then_rebuild/0002_rename.up.sql:3
ALTER TABLE products RENAME COLUMN price TO amount;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0003_nullable
-- file: raw_rename_column_then_rebuild/0003_nullable.mig
-- after: 0002_rename
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- lock: none | rewrites: no | scans: no | raw_rename_column_then_rebuild/0003_nullable.mig:4
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/3: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on products | rewrites: no | scans: no | raw_rename_column_then_rebuild/0003_nullable.mig:4
-- rebuild of table 'products': sqlite cannot drop not null on column 'amount' in place
CREATE TABLE migrac_new_products (
  id INTEGER NOT NULL CONSTRAINT pk_products PRIMARY KEY AUTOINCREMENT,
  amount INTEGER,
  CONSTRAINT ck_products_price CHECK (amount > 0)
);

-- lock: WRITE (the whole database) on products | rewrites: yes | scans: yes | raw_rename_column_then_rebuild/0003_nullable.mig:4
INSERT INTO migrac_new_products (id, amount) SELECT id, amount FROM products;

-- lock: WRITE (the whole database) on products | rewrites: no | scans: no | raw_rename_column_then_rebuild/0003_nullable.mig:4
DROP TABLE products;

-- lock: none | rewrites: no | scans: no | raw_rename_column_then_rebuild/0003_nullable.mig:4
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on products | rewrites: no | scans: no | raw_rename_column_then_rebuild/0003_nullable.mig:4
ALTER TABLE migrac_new_products RENAME TO products;

-- lock: none | rewrites: no | scans: no | raw_rename_column_then_rebuild/0003_nullable.mig:4
PRAGMA legacy_alter_table = OFF;

-- lock: WRITE (the whole database) on products | rewrites: no | scans: yes | raw_rename_column_then_rebuild/0003_nullable.mig:4
CREATE INDEX ix_products_price ON products (amount) WHERE amount > 0;

-- lock: none | rewrites: no | scans: no | raw_rename_column_then_rebuild/0003_nullable.mig:4
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

COMMIT;

-- segment 3/3: outside a transaction

-- lock: none | rewrites: no | scans: no | raw_rename_column_then_rebuild/0003_nullable.mig:4
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;
--- exit 0
