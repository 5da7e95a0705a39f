-- migrac downgrade script for postgres: 3 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0003_contract (downgrade)
-- file: expand_contract/0003_contract.mig
-- after: 0002_expand
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | expand_contract/0003_contract.mig:5
ALTER TABLE users ADD COLUMN name varchar(100);

COMMIT;

-- segment 2/3: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on users | rewrites: no | scans: no | expand_contract/0003_contract.mig:4
DROP INDEX CONCURRENTLY IF EXISTS ix_users_display_name;

-- setting: back to the session default
RESET lock_timeout;

-- segment 3/3: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | expand_contract/0003_contract.mig:3
ALTER TABLE users ALTER COLUMN display_name DROP NOT NULL;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_expand (downgrade)
-- file: expand_contract/0002_expand.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | expand_contract/0002_expand.mig:3
ALTER TABLE users DROP COLUMN display_name;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: expand_contract/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | expand_contract/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
