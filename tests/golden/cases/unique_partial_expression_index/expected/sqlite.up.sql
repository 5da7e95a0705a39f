-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: unique_partial_expression_index/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | unique_partial_expression_index/0001_users.mig:1
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | unique_partial_expression_index/0001_users.mig:8
ALTER TABLE users ADD COLUMN deleted_at TEXT;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_index
-- file: unique_partial_expression_index/0002_index.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: yes | unique_partial_expression_index/0002_index.mig:3
CREATE UNIQUE INDEX ix_users_lower_email ON users (lower(email)) WHERE deleted_at IS NULL;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: yes | unique_partial_expression_index/0002_index.mig:4
CREATE INDEX ix_users_name_email ON users (name, (email || '#'));

COMMIT;
--- exit 0
