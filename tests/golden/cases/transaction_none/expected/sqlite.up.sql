-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: transaction_none/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | transaction_none/0001_users.mig:1
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uq_users_email UNIQUE (email)
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_no_tx
-- file: transaction_none/0002_no_tx.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- lock: none | rewrites: no | scans: no | transaction_none/0002_no_tx.mig:6
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/3: outside a transaction

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | transaction_none/0002_no_tx.mig:5
ALTER TABLE users ADD COLUMN bio TEXT;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | transaction_none/0002_no_tx.mig:6
-- rebuild of table 'users': sqlite cannot add constraint 'ck_users_bio' in place
CREATE TABLE migrac_new_users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  bio TEXT,
  CONSTRAINT uq_users_email UNIQUE (email),
  CONSTRAINT ck_users_bio CHECK (length(bio) < 1000)
);

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | transaction_none/0002_no_tx.mig:6
INSERT INTO migrac_new_users (id, email, name, created_at, bio) SELECT id, email, name, created_at, bio FROM users;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | transaction_none/0002_no_tx.mig:6
DROP TABLE users;

-- lock: none | rewrites: no | scans: no | transaction_none/0002_no_tx.mig:6
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | transaction_none/0002_no_tx.mig:6
ALTER TABLE migrac_new_users RENAME TO users;

-- lock: none | rewrites: no | scans: no | transaction_none/0002_no_tx.mig:6
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | transaction_none/0002_no_tx.mig:6
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

-- segment 3/3: outside a transaction

-- lock: none | rewrites: no | scans: no | transaction_none/0002_no_tx.mig:6
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;
--- exit 0
