-- migrac downgrade script for postgres: 1 migration
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: add_column_new_table/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:13
DROP INDEX ix_users_name;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:12
ALTER TABLE users DROP CONSTRAINT ck_users_email;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:11
ALTER TABLE users ALTER COLUMN name DROP NOT NULL;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:10
ALTER TABLE users DROP COLUMN code;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:9
ALTER TABLE users DROP COLUMN bio;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
