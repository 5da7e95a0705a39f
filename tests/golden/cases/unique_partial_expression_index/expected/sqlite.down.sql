-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_index (downgrade)
-- file: unique_partial_expression_index/0002_index.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | unique_partial_expression_index/0002_index.mig:4
DROP INDEX ix_users_name_email;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | unique_partial_expression_index/0002_index.mig:3
DROP INDEX ix_users_lower_email;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: unique_partial_expression_index/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | unique_partial_expression_index/0001_users.mig:8
ALTER TABLE users DROP COLUMN deleted_at;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | unique_partial_expression_index/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
