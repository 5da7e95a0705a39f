-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_rename (downgrade)
-- file: rename_column/0002_rename.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | rename_column/0002_rename.mig:3
ALTER TABLE users RENAME COLUMN full_name TO name;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: rename_column/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | rename_column/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
