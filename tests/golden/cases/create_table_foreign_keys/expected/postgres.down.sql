-- migrac downgrade script for postgres: 2 migrations
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

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | create_table_foreign_keys/0002_orders.mig:12
DROP INDEX ix_orders_user_id;

-- lock: ACCESS EXCLUSIVE on orders, ACCESS EXCLUSIVE on users | rewrites: no | scans: no | create_table_foreign_keys/0002_orders.mig:4
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

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | create_table_foreign_keys/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
