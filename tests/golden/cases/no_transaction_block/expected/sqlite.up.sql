-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: no_transaction_block/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | no_transaction_block/0001_users.mig:1
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uq_users_email UNIQUE (email)
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_maintenance
-- file: no_transaction_block/0002_maintenance.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | no_transaction_block/0002_maintenance.mig:3
ALTER TABLE users ADD COLUMN bio TEXT;

COMMIT;

-- segment 2/3: outside a transaction

-- raw SQL: locks not analyzed | no_transaction_block/0002_maintenance.mig:7
ANALYZE users;

-- raw SQL: locks not analyzed | no_transaction_block/0002_maintenance.mig:10
ANALYZE;

-- segment 3/3: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | no_transaction_block/0002_maintenance.mig:15
ALTER TABLE users RENAME COLUMN bio TO about;

COMMIT;
--- exit 0
