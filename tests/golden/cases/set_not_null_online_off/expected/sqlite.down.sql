-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_require_name (downgrade)
-- file: set_not_null_online_off/0002_require_name.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- lock: none | rewrites: no | scans: no | set_not_null_online_off/0002_require_name.mig:5
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/3: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | set_not_null_online_off/0002_require_name.mig:6
DROP INDEX ix_users_name;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | set_not_null_online_off/0002_require_name.mig:5
-- rebuild of table 'users': sqlite cannot drop not null on column 'name' in place
CREATE TABLE migrac_new_users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | set_not_null_online_off/0002_require_name.mig:5
INSERT INTO migrac_new_users (id, email, name, created_at) SELECT id, email, name, created_at FROM users;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | set_not_null_online_off/0002_require_name.mig:5
DROP TABLE users;

-- lock: none | rewrites: no | scans: no | set_not_null_online_off/0002_require_name.mig:5
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | set_not_null_online_off/0002_require_name.mig:5
ALTER TABLE migrac_new_users RENAME TO users;

-- lock: none | rewrites: no | scans: no | set_not_null_online_off/0002_require_name.mig:5
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | set_not_null_online_off/0002_require_name.mig:5
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

COMMIT;

-- segment 3/3: outside a transaction

-- lock: none | rewrites: no | scans: no | set_not_null_online_off/0002_require_name.mig:5
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: set_not_null_online_off/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | set_not_null_online_off/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
