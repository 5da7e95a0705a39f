-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_maintenance (downgrade)
-- file: no_transaction_block/0002_maintenance.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | no_transaction_block/0002_maintenance.mig:18
ALTER TABLE users RENAME COLUMN about TO bio;

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | no_transaction_block/0002_maintenance.mig:19
ALTER TABLE users DROP COLUMN bio;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: no_transaction_block/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | no_transaction_block/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
