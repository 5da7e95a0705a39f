-- migrac downgrade script for postgres: 1 migration
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: partial_index_widened/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | partial_index_widened/0001_users.mig:8
DROP INDEX ix_users_phone_number;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | partial_index_widened/0001_users.mig:3
DROP TABLE users;

COMMIT;
--- exit 0
