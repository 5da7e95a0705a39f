-- migrac upgrade script for sqlite: 1 migration
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: add_column_new_table/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- lock: none | rewrites: no | scans: no | add_column_new_table/0001_users.mig:10
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/3: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | add_column_new_table/0001_users.mig:1
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:9
ALTER TABLE users ADD COLUMN bio TEXT;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:10
-- rebuild of table 'users': sqlite cannot add column 'code' with a key or constraint in place
CREATE TABLE migrac_new_users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  bio TEXT,
  code TEXT,
  CONSTRAINT uq_users_email UNIQUE (email),
  CONSTRAINT uq_users_code UNIQUE (code)
);

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | add_column_new_table/0001_users.mig:10
INSERT INTO migrac_new_users (id, email, name, created_at, bio) SELECT id, email, name, created_at, bio FROM users;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:10
DROP TABLE users;

-- lock: none | rewrites: no | scans: no | add_column_new_table/0001_users.mig:10
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:10
ALTER TABLE migrac_new_users RENAME TO users;

-- lock: none | rewrites: no | scans: no | add_column_new_table/0001_users.mig:10
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | add_column_new_table/0001_users.mig:10
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:11
-- rebuild of table 'users': sqlite cannot set not null on column 'name' in place
CREATE TABLE migrac_new_users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  bio TEXT,
  code TEXT,
  CONSTRAINT uq_users_email UNIQUE (email),
  CONSTRAINT uq_users_code UNIQUE (code)
);

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | add_column_new_table/0001_users.mig:11
INSERT INTO migrac_new_users (id, email, name, created_at, bio, code) SELECT id, email, name, created_at, bio, code FROM users;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:11
DROP TABLE users;

-- lock: none | rewrites: no | scans: no | add_column_new_table/0001_users.mig:11
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:11
ALTER TABLE migrac_new_users RENAME TO users;

-- lock: none | rewrites: no | scans: no | add_column_new_table/0001_users.mig:11
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | add_column_new_table/0001_users.mig:11
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:12
-- rebuild of table 'users': sqlite cannot add constraint 'ck_users_email' in place
CREATE TABLE migrac_new_users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  bio TEXT,
  code TEXT,
  CONSTRAINT uq_users_email UNIQUE (email),
  CONSTRAINT uq_users_code UNIQUE (code),
  CONSTRAINT ck_users_email CHECK (length(email) > 3)
);

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | add_column_new_table/0001_users.mig:12
INSERT INTO migrac_new_users (id, email, name, created_at, bio, code) SELECT id, email, name, created_at, bio, code FROM users;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:12
DROP TABLE users;

-- lock: none | rewrites: no | scans: no | add_column_new_table/0001_users.mig:12
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | add_column_new_table/0001_users.mig:12
ALTER TABLE migrac_new_users RENAME TO users;

-- lock: none | rewrites: no | scans: no | add_column_new_table/0001_users.mig:12
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | add_column_new_table/0001_users.mig:12
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: yes | add_column_new_table/0001_users.mig:13
CREATE INDEX ix_users_name ON users (name);

COMMIT;

-- segment 3/3: outside a transaction

-- lock: none | rewrites: no | scans: no | add_column_new_table/0001_users.mig:10
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;
--- exit 0
