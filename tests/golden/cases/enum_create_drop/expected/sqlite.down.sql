-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_enum_to_text (downgrade)
-- file: enum_create_drop/0002_enum_to_text.mig
-- after: 0001_enum
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- lock: none | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:4
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/3: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:4
-- rebuild of table 'orders': sqlite cannot change the type of column 'status' in place
CREATE TABLE migrac_new_orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'shipped'))
);

-- lock: WRITE (the whole database) on orders | rewrites: yes | scans: yes | enum_create_drop/0002_enum_to_text.mig:4
INSERT INTO migrac_new_orders (id, status) SELECT id, status FROM orders;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:4
DROP TABLE orders;

-- lock: none | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:4
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:4
ALTER TABLE migrac_new_orders RENAME TO orders;

-- lock: none | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:4
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:4
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:3
-- rebuild of table 'orders': sqlite cannot set the default of column 'status' in place
CREATE TABLE migrac_new_orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'shipped'))
);

-- lock: WRITE (the whole database) on orders | rewrites: yes | scans: yes | enum_create_drop/0002_enum_to_text.mig:3
INSERT INTO migrac_new_orders (id, status) SELECT id, status FROM orders;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:3
DROP TABLE orders;

-- lock: none | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:3
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:3
ALTER TABLE migrac_new_orders RENAME TO orders;

-- lock: none | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:3
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:3
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

COMMIT;

-- segment 3/3: outside a transaction

-- lock: none | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:4
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;

-- ---------------------------------------------------------------------------
-- migration: 0001_enum (downgrade)
-- file: enum_create_drop/0001_enum.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_create_drop/0001_enum.mig:3
DROP TABLE orders;

COMMIT;
--- exit 0
