-- migrac downgrade script for postgres: 3 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 000003_users_name (downgrade)
-- file: convention_golang_migrate/000003_users_name.mig
-- after: 000002
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | convention_golang_migrate/000003_users_name.mig:3
ALTER TABLE users DROP COLUMN name;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 000002 (downgrade)
-- file: convention_golang_migrate/000002_index_v6.0.up.sql
-- after: 000001
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- raw SQL: locks not analyzed | convention_golang_migrate/000002_index_v6.0.down.sql:2
DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;

-- setting: back to the session default
RESET lock_timeout;

-- ---------------------------------------------------------------------------
-- migration: 000001 (downgrade)
-- file: convention_golang_migrate/000001_create_users.up.sql
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- raw SQL: locks not analyzed | convention_golang_migrate/000001_create_users.down.sql:1
DROP TABLE users;

COMMIT;
--- exit 0
