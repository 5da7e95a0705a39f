-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: drop_table_reverse/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | drop_table_reverse/0001_users.mig:1
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- lock: WRITE (the whole database) on users | rewrites: no | scans: yes | drop_table_reverse/0001_users.mig:8
CREATE INDEX ix_users_created_at ON users (created_at);

-- lock: WRITE (the whole database) on users | rewrites: no | scans: yes | drop_table_reverse/0001_users.mig:9
CREATE UNIQUE INDEX ix_users_lower_email ON users (lower(email));

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_drop_users
-- file: drop_table_reverse/0002_drop_users.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | drop_table_reverse/0002_drop_users.mig:4
DROP TABLE users;

COMMIT;
--- exit 0
