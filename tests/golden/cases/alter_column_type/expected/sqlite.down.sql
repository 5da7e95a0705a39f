-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_types (downgrade)
-- file: alter_column_type/0002_types.mig
-- after: 0001_items
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- lock: none | rewrites: no | scans: no | alter_column_type/0002_types.mig:11
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/3: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on items | rewrites: no | scans: no | alter_column_type/0002_types.mig:11
-- rebuild of table 'items': sqlite cannot change the type of column 'ref' in place
CREATE TABLE migrac_new_items (
  id INTEGER NOT NULL CONSTRAINT pk_items PRIMARY KEY AUTOINCREMENT,
  code TEXT,
  label TEXT,
  price NUMERIC,
  qty INTEGER,
  note TEXT,
  ref TEXT
);

-- lock: WRITE (the whole database) on items | rewrites: yes | scans: yes | alter_column_type/0002_types.mig:11
INSERT INTO migrac_new_items (id, code, label, price, qty, note, ref) SELECT id, code, label, price, qty, note, ref FROM items;

-- lock: WRITE (the whole database) on items | rewrites: no | scans: no | alter_column_type/0002_types.mig:11
DROP TABLE items;

-- lock: none | rewrites: no | scans: no | alter_column_type/0002_types.mig:11
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on items | rewrites: no | scans: no | alter_column_type/0002_types.mig:11
ALTER TABLE migrac_new_items RENAME TO items;

-- lock: none | rewrites: no | scans: no | alter_column_type/0002_types.mig:11
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | alter_column_type/0002_types.mig:11
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

COMMIT;

-- segment 3/3: outside a transaction

-- lock: none | rewrites: no | scans: no | alter_column_type/0002_types.mig:11
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;

-- ---------------------------------------------------------------------------
-- migration: 0001_items (downgrade)
-- file: alter_column_type/0001_items.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on items | rewrites: no | scans: no | alter_column_type/0001_items.mig:1
DROP TABLE items;

COMMIT;
--- exit 0
