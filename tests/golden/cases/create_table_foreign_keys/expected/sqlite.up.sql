-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: create_table_foreign_keys/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | create_table_foreign_keys/0001_users.mig:1
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uq_users_email UNIQUE (email)
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_orders
-- file: create_table_foreign_keys/0002_orders.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | create_table_foreign_keys/0002_orders.mig:4
CREATE TABLE orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL,
  buyer_id INTEGER,
  amount NUMERIC NOT NULL,
  CONSTRAINT ck_orders_amount CHECK (amount >= 0),
  CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_orders_buyer_id_users FOREIGN KEY (buyer_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE
);

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: yes | create_table_foreign_keys/0002_orders.mig:12
CREATE INDEX ix_orders_user_id ON orders (user_id);

COMMIT;
--- exit 0
