-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_enum
-- file: enum_add_value/0001_enum.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | enum_add_value/0001_enum.mig:3
CREATE TABLE orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'shipped'))
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_refunded
-- file: enum_add_value/0002_refunded.mig
-- after: 0001_enum
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/5: outside a transaction

-- lock: none | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:4
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/5: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:4
-- rebuild of table 'orders': the CHECK of its 'order_status' columns takes the new value 'refunded'
CREATE TABLE migrac_new_orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'shipped', 'refunded'))
);

-- lock: WRITE (the whole database) on orders | rewrites: yes | scans: yes | enum_add_value/0002_refunded.mig:4
INSERT INTO migrac_new_orders (id, status) SELECT id, status FROM orders;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:4
DROP TABLE orders;

-- lock: none | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:4
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:4
ALTER TABLE migrac_new_orders RENAME TO orders;

-- lock: none | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:4
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:4
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

COMMIT;

-- segment 3/5: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:5
-- rebuild of table 'orders': the CHECK of its 'order_status' columns takes the new value 'draft'
CREATE TABLE migrac_new_orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('draft', 'pending', 'paid', 'shipped', 'refunded'))
);

-- lock: WRITE (the whole database) on orders | rewrites: yes | scans: yes | enum_add_value/0002_refunded.mig:5
INSERT INTO migrac_new_orders (id, status) SELECT id, status FROM orders;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:5
DROP TABLE orders;

-- lock: none | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:5
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:5
ALTER TABLE migrac_new_orders RENAME TO orders;

-- lock: none | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:5
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:5
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

COMMIT;

-- segment 4/5: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:6
-- rebuild of table 'orders': sqlite cannot set the default of column 'status' in place
CREATE TABLE migrac_new_orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'pending', 'paid', 'shipped', 'refunded'))
);

-- lock: WRITE (the whole database) on orders | rewrites: yes | scans: yes | enum_add_value/0002_refunded.mig:6
INSERT INTO migrac_new_orders (id, status) SELECT id, status FROM orders;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:6
DROP TABLE orders;

-- lock: none | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:6
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:6
ALTER TABLE migrac_new_orders RENAME TO orders;

-- lock: none | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:6
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:6
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

COMMIT;

-- segment 5/5: outside a transaction

-- lock: none | rewrites: no | scans: no | enum_add_value/0002_refunded.mig:4
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;
--- exit 0
