-- migrac downgrade script for postgres: 4 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0004_sql (downgrade)
-- file: raw_do_block/0004_sql.mig
-- after: 0003_use
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on users | rewrites: no | scans: no | raw_do_block/0004_sql.mig:8
DROP INDEX CONCURRENTLY IF EXISTS ix_users_score;

-- setting: back to the session default
RESET lock_timeout;

-- segment 2/2: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- raw SQL: locks not analyzed | raw_do_block/0004_sql.mig:9
ALTER TABLE users DROP COLUMN score;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0003_use (downgrade)
-- file: raw_do_block/0003_use.mig
-- after: 0002_do
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: yes | scans: yes | raw_do_block/0003_use.mig:5
ALTER TABLE users ALTER COLUMN nickname TYPE varchar(40);

COMMIT;

-- segment 2/3: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on users | rewrites: no | scans: no | raw_do_block/0003_use.mig:4
DROP INDEX CONCURRENTLY IF EXISTS ix_users_nickname;

-- setting: back to the session default
RESET lock_timeout;

-- segment 3/3: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | raw_do_block/0003_use.mig:3
ALTER TABLE users DROP COLUMN status;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_do (downgrade)
-- file: raw_do_block/0002_do.up.sql
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- raw SQL: locks not analyzed | raw_do_block/0002_do.down.sql:1
ALTER TABLE users DROP COLUMN nickname;

-- raw SQL: locks not analyzed | raw_do_block/0002_do.down.sql:2
DROP TYPE user_status;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_base (downgrade)
-- file: raw_do_block/0001_base.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | raw_do_block/0001_base.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
