-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: add_column_inline_constraints/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0001_users.mig:1
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0001_users.mig:8
CREATE TABLE orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  amount NUMERIC NOT NULL
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_add_buyer
-- file: add_column_inline_constraints/0002_add_buyer.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/3: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
ALTER TABLE orders ADD COLUMN buyer_id INTEGER;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
-- rebuild of table 'orders': sqlite cannot add constraint 'uq_orders_buyer_id' in place
CREATE TABLE migrac_new_orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  amount NUMERIC NOT NULL,
  buyer_id INTEGER,
  CONSTRAINT uq_orders_buyer_id UNIQUE (buyer_id),
  CONSTRAINT ck_orders_buyer_id CHECK (buyer_id > 0),
  CONSTRAINT fk_orders_buyer_id_users FOREIGN KEY (buyer_id) REFERENCES users (id)
);

-- lock: WRITE (the whole database) on orders | rewrites: yes | scans: yes | add_column_inline_constraints/0002_add_buyer.mig:4
INSERT INTO migrac_new_orders (id, amount, buyer_id) SELECT id, amount, buyer_id FROM orders;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
DROP TABLE orders;

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
ALTER TABLE migrac_new_orders RENAME TO orders;

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
-- rebuild of table 'orders': sqlite cannot add constraint 'ck_orders_buyer_id' in place
CREATE TABLE migrac_new_orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  amount NUMERIC NOT NULL,
  buyer_id INTEGER,
  CONSTRAINT uq_orders_buyer_id UNIQUE (buyer_id),
  CONSTRAINT ck_orders_buyer_id CHECK (buyer_id > 0),
  CONSTRAINT fk_orders_buyer_id_users FOREIGN KEY (buyer_id) REFERENCES users (id)
);

-- lock: WRITE (the whole database) on orders | rewrites: yes | scans: yes | add_column_inline_constraints/0002_add_buyer.mig:4
INSERT INTO migrac_new_orders (id, amount, buyer_id) SELECT id, amount, buyer_id FROM orders;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
DROP TABLE orders;

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
ALTER TABLE migrac_new_orders RENAME TO orders;

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
-- rebuild of table 'orders': sqlite cannot add constraint 'fk_orders_buyer_id_users' in place
CREATE TABLE migrac_new_orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  amount NUMERIC NOT NULL,
  buyer_id INTEGER,
  CONSTRAINT uq_orders_buyer_id UNIQUE (buyer_id),
  CONSTRAINT ck_orders_buyer_id CHECK (buyer_id > 0),
  CONSTRAINT fk_orders_buyer_id_users FOREIGN KEY (buyer_id) REFERENCES users (id)
);

-- lock: WRITE (the whole database) on orders | rewrites: yes | scans: yes | add_column_inline_constraints/0002_add_buyer.mig:4
INSERT INTO migrac_new_orders (id, amount, buyer_id) SELECT id, amount, buyer_id FROM orders;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
DROP TABLE orders;

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
ALTER TABLE migrac_new_orders RENAME TO orders;

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

COMMIT;

-- segment 3/3: outside a transaction

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;
--- exit 0
