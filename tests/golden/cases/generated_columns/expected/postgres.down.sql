-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_more (downgrade)
-- file: generated_columns/0002_more.mig
-- after: 0001_people
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on people | rewrites: no | scans: no | generated_columns/0002_more.mig:6
DROP INDEX CONCURRENTLY IF EXISTS ix_people_login;

-- setting: back to the session default
RESET lock_timeout;

-- segment 2/2: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on people | rewrites: no | scans: no | generated_columns/0002_more.mig:5
ALTER TABLE people DROP COLUMN login;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_people (downgrade)
-- file: generated_columns/0001_people.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on people | rewrites: no | scans: no | generated_columns/0001_people.mig:3
DROP TABLE people;

COMMIT;
--- exit 0
