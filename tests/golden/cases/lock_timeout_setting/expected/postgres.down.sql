-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_timeouts (downgrade)
-- file: lock_timeout_setting/0002_timeouts.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '2s';

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET statement_timeout = '1min';

-- lock: SHARE UPDATE EXCLUSIVE on users | rewrites: no | scans: no | lock_timeout_setting/0002_timeouts.mig:6
DROP INDEX CONCURRENTLY IF EXISTS ix_users_bio;

-- setting: back to the session default
RESET lock_timeout;

-- setting: back to the session default
RESET statement_timeout;

-- segment 2/2: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '2s';

-- setting: for this transaction only
SET LOCAL statement_timeout = '1min';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | lock_timeout_setting/0002_timeouts.mig:5
ALTER TABLE users DROP COLUMN bio;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: lock_timeout_setting/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | lock_timeout_setting/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
