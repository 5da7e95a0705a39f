-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_no_tx (downgrade)
-- file: transaction_none/0002_no_tx.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | transaction_none/0002_no_tx.mig:6
ALTER TABLE users DROP CONSTRAINT ck_users_bio;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | transaction_none/0002_no_tx.mig:5
ALTER TABLE users DROP COLUMN bio;

-- setting: back to the session default
RESET lock_timeout;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: transaction_none/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | transaction_none/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
