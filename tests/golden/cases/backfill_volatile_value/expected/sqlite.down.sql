-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_fill (downgrade)
-- file: backfill_volatile_value/0002_fill.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- (no statements)
-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: backfill_volatile_value/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | backfill_volatile_value/0001_users.mig:8
ALTER TABLE users DROP COLUMN verified_at;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | backfill_volatile_value/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
