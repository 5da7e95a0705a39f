-- migrac upgrade script for sqlite: 5 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_base
-- file: branch_common_ancestor/0001_base.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | branch_common_ancestor/0001_base.mig:4
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_a
-- file: branch_common_ancestor/0002_a.mig
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | branch_common_ancestor/0002_a.mig:3
CREATE TABLE audit (
  id INTEGER NOT NULL CONSTRAINT pk_audit PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_b
-- file: branch_common_ancestor/0002_b.mig
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | branch_common_ancestor/0002_b.mig:3
ALTER TABLE users ADD COLUMN name TEXT;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0003_b
-- file: branch_common_ancestor/0003_b.mig
-- after: 0002_b
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: yes | branch_common_ancestor/0003_b.mig:3
CREATE INDEX ix_users_name ON users (name);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0004_merge
-- file: branch_common_ancestor/0004_merge.mig
-- after: 0002_a, 0003_b
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on audit | rewrites: no | scans: no | branch_common_ancestor/0004_merge.mig:3
ALTER TABLE audit ADD COLUMN user_name TEXT;

COMMIT;
--- exit 0
