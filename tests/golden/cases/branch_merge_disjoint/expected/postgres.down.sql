-- migrac downgrade script for postgres: 4 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0003_merge (downgrade)
-- file: branch_merge_disjoint/0003_merge.mig
-- after: 0002_a, 0002_b
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on users | rewrites: no | scans: no | branch_merge_disjoint/0003_merge.mig:5
DROP INDEX CONCURRENTLY IF EXISTS ix_users_nick_age;

-- setting: back to the session default
RESET lock_timeout;

-- segment 2/2: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on tags | rewrites: no | scans: no | branch_merge_disjoint/0003_merge.mig:4
ALTER TABLE tags DROP COLUMN user_nick;

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | branch_merge_disjoint/0003_merge.mig:3
ALTER TABLE orders DROP COLUMN status;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_b (downgrade)
-- file: branch_merge_disjoint/0002_b.mig
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on tags | rewrites: no | scans: no | branch_merge_disjoint/0002_b.mig:5
DROP TABLE tags;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | branch_merge_disjoint/0002_b.mig:4
ALTER TABLE users DROP COLUMN age;

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | branch_merge_disjoint/0002_b.mig:3
ALTER TABLE orders DROP COLUMN note;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_a (downgrade)
-- file: branch_merge_disjoint/0002_a.mig
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on users | rewrites: no | scans: no | branch_merge_disjoint/0002_a.mig:9
DROP INDEX CONCURRENTLY IF EXISTS ix_users_nick;

-- setting: back to the session default
RESET lock_timeout;

-- segment 2/2: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | branch_merge_disjoint/0002_a.mig:10
ALTER TABLE users DROP COLUMN nick;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_base (downgrade)
-- file: branch_merge_disjoint/0001_base.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on order_status | rewrites: no | scans: no | branch_merge_disjoint/0001_base.mig:5
DROP TYPE order_status;

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | branch_merge_disjoint/0001_base.mig:4
DROP TABLE orders;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | branch_merge_disjoint/0001_base.mig:3
DROP TABLE users;

COMMIT;
--- exit 0
