-- migrac upgrade script for sqlite: 1 migration
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: partial_index_widened/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | partial_index_widened/0001_users.mig:3
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  phone_number TEXT
);

-- lock: WRITE (the whole database) on users | rewrites: no | scans: yes | partial_index_widened/0001_users.mig:8
CREATE INDEX ix_users_phone_number ON users (phone_number) WHERE phone_number IS NOT NULL;

COMMIT;
--- exit 0
