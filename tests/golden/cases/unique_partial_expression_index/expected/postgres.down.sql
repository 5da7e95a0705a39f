-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_index (downgrade)
-- file: unique_partial_expression_index/0002_index.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on users | rewrites: no | scans: no | unique_partial_expression_index/0002_index.mig:4
DROP INDEX CONCURRENTLY IF EXISTS ix_users_name_email;

-- setting: back to the session default
RESET lock_timeout;

-- segment 2/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on users | rewrites: no | scans: no | unique_partial_expression_index/0002_index.mig:3
DROP INDEX CONCURRENTLY IF EXISTS ix_users_lower_email;

-- setting: back to the session default
RESET lock_timeout;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: unique_partial_expression_index/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | unique_partial_expression_index/0001_users.mig:8
ALTER TABLE users DROP COLUMN deleted_at;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | unique_partial_expression_index/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
