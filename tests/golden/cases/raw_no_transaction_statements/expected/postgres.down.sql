-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_indexes (downgrade)
-- file: raw_no_transaction_statements/0002_indexes.up.sql
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- raw SQL: locks not analyzed | raw_no_transaction_statements/0002_indexes.down.sql:1
DROP INDEX CONCURRENTLY IF EXISTS ix_users_name;

-- setting: back to the session default
RESET lock_timeout;

-- ---------------------------------------------------------------------------
-- migration: 0001_base (downgrade)
-- file: raw_no_transaction_statements/0001_base.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on mood | rewrites: no | scans: no | raw_no_transaction_statements/0001_base.mig:6
DROP TYPE mood;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | raw_no_transaction_statements/0001_base.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
