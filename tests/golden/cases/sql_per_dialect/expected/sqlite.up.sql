-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: sql_per_dialect/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | sql_per_dialect/0001_users.mig:1
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uq_users_email UNIQUE (email)
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_per_dialect
-- file: sql_per_dialect/0002_per_dialect.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- raw SQL: locks not analyzed | sql_per_dialect/0002_per_dialect.mig:3
SELECT 1;

COMMIT;
--- exit 0
