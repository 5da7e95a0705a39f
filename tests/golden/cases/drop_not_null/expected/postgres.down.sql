-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_optional_email (downgrade)
-- file: drop_not_null/0002_optional_email.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | drop_not_null/0002_optional_email.mig:4
ALTER TABLE users ADD CONSTRAINT ck_users_email_not_null CHECK (email IS NOT NULL) NOT VALID;

COMMIT;

-- segment 2/3: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on users | rewrites: no | scans: yes | drop_not_null/0002_optional_email.mig:4
ALTER TABLE users VALIDATE CONSTRAINT ck_users_email_not_null;

COMMIT;

-- segment 3/3: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | drop_not_null/0002_optional_email.mig:4
ALTER TABLE users ALTER COLUMN email SET NOT NULL;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | drop_not_null/0002_optional_email.mig:4
ALTER TABLE users DROP CONSTRAINT ck_users_email_not_null;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: drop_not_null/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | drop_not_null/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
