-- migrac downgrade script for postgres: 5 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0004_merge (downgrade)
-- file: branch_common_ancestor/0004_merge.mig
-- after: 0002_a, 0003_b
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on audit | rewrites: no | scans: no | branch_common_ancestor/0004_merge.mig:3
ALTER TABLE audit DROP COLUMN user_name;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0003_b (downgrade)
-- file: branch_common_ancestor/0003_b.mig
-- after: 0002_b
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on users | rewrites: no | scans: no | branch_common_ancestor/0003_b.mig:3
DROP INDEX CONCURRENTLY IF EXISTS ix_users_name;

-- setting: back to the session default
RESET lock_timeout;

-- ---------------------------------------------------------------------------
-- migration: 0002_b (downgrade)
-- file: branch_common_ancestor/0002_b.mig
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | branch_common_ancestor/0002_b.mig:3
ALTER TABLE users DROP COLUMN name;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_a (downgrade)
-- file: branch_common_ancestor/0002_a.mig
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on audit | rewrites: no | scans: no | branch_common_ancestor/0002_a.mig:3
DROP TABLE audit;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_base (downgrade)
-- file: branch_common_ancestor/0001_base.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | branch_common_ancestor/0001_base.mig:4
DROP TABLE users;

COMMIT;
--- exit 0
