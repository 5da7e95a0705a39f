-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_more (downgrade)
-- file: generated_columns/0002_more.mig
-- after: 0001_people
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on people | rewrites: no | scans: no | generated_columns/0002_more.mig:6
DROP INDEX ix_people_login;

-- lock: WRITE (the whole database) on people | rewrites: yes | scans: yes | generated_columns/0002_more.mig:5
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

-- lock: WRITE (the whole database) on people | rewrites: no | scans: no | generated_columns/0001_people.mig:3
DROP TABLE people;

COMMIT;
--- exit 0
