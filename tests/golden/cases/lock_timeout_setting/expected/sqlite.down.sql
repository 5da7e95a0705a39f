-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_timeouts (downgrade)
-- file: lock_timeout_setting/0002_timeouts.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | lock_timeout_setting/0002_timeouts.mig:6
DROP INDEX ix_users_bio;

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | lock_timeout_setting/0002_timeouts.mig:5
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

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | lock_timeout_setting/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
