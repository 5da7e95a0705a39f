-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_orders (downgrade)
-- file: create_table_foreign_keys/0002_orders.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | create_table_foreign_keys/0002_orders.mig:12
DROP INDEX ix_orders_user_id;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | create_table_foreign_keys/0002_orders.mig:4
DROP TABLE orders;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: create_table_foreign_keys/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | create_table_foreign_keys/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
