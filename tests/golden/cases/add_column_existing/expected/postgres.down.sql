-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_add_columns (downgrade)
-- file: add_column_existing/0002_add_columns.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | add_column_existing/0002_add_columns.mig:8
ALTER TABLE users DROP COLUMN token;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | add_column_existing/0002_add_columns.mig:6
ALTER TABLE users DROP COLUMN seen_at;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | add_column_existing/0002_add_columns.mig:5
ALTER TABLE users DROP COLUMN is_active;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | add_column_existing/0002_add_columns.mig:4
ALTER TABLE users DROP COLUMN phone;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: add_column_existing/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | add_column_existing/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
