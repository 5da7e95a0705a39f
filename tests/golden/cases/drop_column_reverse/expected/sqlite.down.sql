-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_drop_bio (downgrade)
-- file: drop_column_reverse/0002_drop_bio.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: yes | drop_column_reverse/0002_drop_bio.mig:4
ALTER TABLE users ADD COLUMN bio TEXT NOT NULL DEFAULT '';

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: drop_column_reverse/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | drop_column_reverse/0001_users.mig:8
ALTER TABLE users DROP COLUMN bio;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | drop_column_reverse/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
