-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: drop_column_reverse/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | drop_column_reverse/0001_users.mig:1
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- lock: WRITE (the whole database) on users | rewrites: no | scans: yes | drop_column_reverse/0001_users.mig:8
ALTER TABLE users ADD COLUMN bio TEXT NOT NULL DEFAULT '';

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_drop_bio
-- file: drop_column_reverse/0002_drop_bio.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | drop_column_reverse/0002_drop_bio.mig:4
ALTER TABLE users DROP COLUMN bio;

COMMIT;
--- exit 0
