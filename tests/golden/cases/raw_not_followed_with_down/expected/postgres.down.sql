-- migrac downgrade script for postgres: 3 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0003_use (downgrade)
-- file: raw_not_followed_with_down/0003_use.mig
-- after: 0002_raw
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | raw_not_followed_with_down/0003_use.mig:8
ALTER TABLE users ADD COLUMN email text;

-- lock: ACCESS EXCLUSIVE on users | rewrites: yes | scans: yes | raw_not_followed_with_down/0003_use.mig:9
ALTER TABLE users ALTER COLUMN nickname TYPE text;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_raw (downgrade)
-- file: raw_not_followed_with_down/0002_raw.up.sql
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- raw SQL: locks not analyzed | raw_not_followed_with_down/0002_raw.down.sql:1
ALTER TABLE users DROP COLUMN nickname;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_base (downgrade)
-- file: raw_not_followed_with_down/0001_base.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | raw_not_followed_with_down/0001_base.mig:1
DROP TABLE users;

COMMIT;
--- stderr
raw_not_followed_with_down/0002_raw.up.sql:4:11: warning[W0120]: the schema model cannot follow EXECUTE of a built string: objects it may touch are unknown
    4 |   EXECUTE 'ALTER TABLE users ADD COLUMN ' || quote_ident('nickname') || ' text';
      |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: later checks on every table that exists here are relaxed
raw_not_followed_with_down/0003_use.mig:4:20: warning[W0122]: the model has no column 'nickname' in table 'users', but cannot know whether it exists: raw SQL may have changed the table
    4 | alter column users.nickname type varchar(40);
      |                    ^^^^^^^^
  help: if it does not exist, this migration fails when it runs
  note: raw_not_followed_with_down/0002_raw.up.sql:4:11: raw SQL the model cannot follow (EXECUTE of a built string) is here
raw_not_followed_with_down/0003_use.mig:9:22: warning[W0122]: the model has no column 'nickname' in table 'users', but cannot know whether it exists: raw SQL may have changed the table
    9 |   alter column users.nickname type text;
      |                      ^^^^^^^^
  help: if it does not exist, this migration fails when it runs
  note: raw_not_followed_with_down/0002_raw.up.sql:4:11: raw SQL the model cannot follow (EXECUTE of a built string) is here
--- exit 0
