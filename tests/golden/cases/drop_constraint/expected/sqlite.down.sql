-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_drop (downgrade)
-- file: drop_constraint/0002_drop.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- lock: none | rewrites: no | scans: no | drop_constraint/0002_drop.mig:6
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/3: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | drop_constraint/0002_drop.mig:6
-- rebuild of table 'users': sqlite cannot add constraint 'uq_users_email' in place
CREATE TABLE migrac_new_users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | drop_constraint/0002_drop.mig:6
INSERT INTO migrac_new_users (id, email, name, created_at) SELECT id, email, name, created_at FROM users;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | drop_constraint/0002_drop.mig:6
DROP TABLE users;

-- lock: none | rewrites: no | scans: no | drop_constraint/0002_drop.mig:6
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | drop_constraint/0002_drop.mig:6
ALTER TABLE migrac_new_users RENAME TO users;

-- lock: none | rewrites: no | scans: no | drop_constraint/0002_drop.mig:6
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | drop_constraint/0002_drop.mig:6
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | drop_constraint/0002_drop.mig:5
-- rebuild of table 'orders': sqlite cannot add constraint 'ck_orders_amount' in place
CREATE TABLE migrac_new_orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER,
  amount INTEGER,
  CONSTRAINT ck_orders_amount CHECK (amount > 0)
);

-- lock: WRITE (the whole database) on orders | rewrites: yes | scans: yes | drop_constraint/0002_drop.mig:5
INSERT INTO migrac_new_orders (id, user_id, amount) SELECT id, user_id, amount FROM orders;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | drop_constraint/0002_drop.mig:5
DROP TABLE orders;

-- lock: none | rewrites: no | scans: no | drop_constraint/0002_drop.mig:5
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | drop_constraint/0002_drop.mig:5
ALTER TABLE migrac_new_orders RENAME TO orders;

-- lock: none | rewrites: no | scans: no | drop_constraint/0002_drop.mig:5
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | drop_constraint/0002_drop.mig:5
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | drop_constraint/0002_drop.mig:4
-- rebuild of table 'orders': sqlite cannot add constraint 'fk_orders_user_id_users' in place
CREATE TABLE migrac_new_orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER,
  amount INTEGER,
  CONSTRAINT ck_orders_amount CHECK (amount > 0),
  CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id)
);

-- lock: WRITE (the whole database) on orders | rewrites: yes | scans: yes | drop_constraint/0002_drop.mig:4
INSERT INTO migrac_new_orders (id, user_id, amount) SELECT id, user_id, amount FROM orders;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | drop_constraint/0002_drop.mig:4
DROP TABLE orders;

-- lock: none | rewrites: no | scans: no | drop_constraint/0002_drop.mig:4
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | drop_constraint/0002_drop.mig:4
ALTER TABLE migrac_new_orders RENAME TO orders;

-- lock: none | rewrites: no | scans: no | drop_constraint/0002_drop.mig:4
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | drop_constraint/0002_drop.mig:4
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

COMMIT;

-- segment 3/3: outside a transaction

-- lock: none | rewrites: no | scans: no | drop_constraint/0002_drop.mig:6
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: drop_constraint/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | drop_constraint/0001_users.mig:8
DROP TABLE orders;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | drop_constraint/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
