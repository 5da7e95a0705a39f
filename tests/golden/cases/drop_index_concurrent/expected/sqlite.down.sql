-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_drop_index (downgrade)
-- file: drop_index_concurrent/0002_drop_index.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: yes | drop_index_concurrent/0002_drop_index.mig:4
CREATE INDEX ix_users_name ON users (name) WHERE name IS NOT NULL;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: drop_index_concurrent/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | drop_index_concurrent/0001_users.mig:8
DROP INDEX ix_users_name;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | drop_index_concurrent/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
