-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: backfill_volatile_value/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | backfill_volatile_value/0001_users.mig:1
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | backfill_volatile_value/0001_users.mig:8
ALTER TABLE users ADD COLUMN verified_at TEXT;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_fill
-- file: backfill_volatile_value/0002_fill.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- backfill: in batches, each committed, until no row is left | lock: WRITE (the whole database) on users | rewrites: no | scans: yes | backfill_volatile_value/0002_fill.mig:4
-- migrac upgrade walks the key in ranges of 1000 instead, each batch after the last key done ($1):
--   bound:  SELECT migrac_k1 FROM (SELECT id AS migrac_k1 FROM users WHERE id > $1 ORDER BY id LIMIT 1000) migrac_batch ORDER BY migrac_k1 DESC LIMIT 1
--   update: UPDATE users SET verified_at = CURRENT_TIMESTAMP WHERE id > $1 AND id <= $2 AND verified_at IS NULL
--   rows:   SELECT count(*) FROM users
-- the sqlite3 shell cannot repeat a batch: every row in one statement
UPDATE users SET verified_at = CURRENT_TIMESTAMP WHERE verified_at IS NULL;
--- exit 0
