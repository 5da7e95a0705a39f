-- migrac upgrade script for sqlite: 3 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: expand_contract/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | expand_contract/0001_users.mig:1
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uq_users_email UNIQUE (email)
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_expand
-- file: expand_contract/0002_expand.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | expand_contract/0002_expand.mig:3
ALTER TABLE users ADD COLUMN display_name TEXT;

COMMIT;

-- segment 2/2: outside a transaction

-- backfill: in batches, each committed, until no row is left | lock: WRITE (the whole database) on users | rewrites: no | scans: yes | expand_contract/0002_expand.mig:4
-- migrac upgrade walks the key in ranges of 1000 instead, each batch after the last key done ($1):
--   bound:  SELECT migrac_k1 FROM (SELECT id AS migrac_k1 FROM users WHERE id > $1 ORDER BY id LIMIT 1000) migrac_batch ORDER BY migrac_k1 DESC LIMIT 1
--   update: UPDATE users SET display_name = coalesce(name, email) WHERE id > $1 AND id <= $2 AND display_name IS NULL AND display_name IS NOT coalesce(name, email)
--   rows:   SELECT count(*) FROM users
-- the sqlite3 shell cannot repeat a batch: every row in one statement
UPDATE users SET display_name = coalesce(name, email) WHERE display_name IS NULL AND display_name IS NOT coalesce(name, email);

-- ---------------------------------------------------------------------------
-- migration: 0003_contract
-- file: expand_contract/0003_contract.mig
-- after: 0002_expand
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- lock: none | rewrites: no | scans: no | expand_contract/0003_contract.mig:3
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/3: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | expand_contract/0003_contract.mig:3
-- rebuild of table 'users': sqlite cannot set not null on column 'display_name' in place
CREATE TABLE migrac_new_users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  display_name TEXT NOT NULL,
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | expand_contract/0003_contract.mig:3
INSERT INTO migrac_new_users (id, email, name, created_at, display_name) SELECT id, email, name, created_at, display_name FROM users;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | expand_contract/0003_contract.mig:3
DROP TABLE users;

-- lock: none | rewrites: no | scans: no | expand_contract/0003_contract.mig:3
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | expand_contract/0003_contract.mig:3
ALTER TABLE migrac_new_users RENAME TO users;

-- lock: none | rewrites: no | scans: no | expand_contract/0003_contract.mig:3
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | expand_contract/0003_contract.mig:3
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: yes | expand_contract/0003_contract.mig:4
CREATE UNIQUE INDEX ix_users_display_name ON users (display_name);

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | expand_contract/0003_contract.mig:5
ALTER TABLE users DROP COLUMN name;

COMMIT;

-- segment 3/3: outside a transaction

-- lock: none | rewrites: no | scans: no | expand_contract/0003_contract.mig:3
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;
--- exit 0
