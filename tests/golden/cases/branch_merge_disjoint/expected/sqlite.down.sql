-- migrac downgrade script for sqlite: 4 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0003_merge (downgrade)
-- file: branch_merge_disjoint/0003_merge.mig
-- after: 0002_a, 0002_b
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | branch_merge_disjoint/0003_merge.mig:5
DROP INDEX ix_users_nick_age;

-- lock: WRITE (the whole database) on tags | rewrites: yes | scans: yes | branch_merge_disjoint/0003_merge.mig:4
ALTER TABLE tags DROP COLUMN user_nick;

-- lock: WRITE (the whole database) on orders | rewrites: yes | scans: yes | branch_merge_disjoint/0003_merge.mig:3
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

-- lock: WRITE (the whole database) on tags | rewrites: no | scans: no | branch_merge_disjoint/0002_b.mig:5
DROP TABLE tags;

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | branch_merge_disjoint/0002_b.mig:4
ALTER TABLE users DROP COLUMN age;

-- lock: WRITE (the whole database) on orders | rewrites: yes | scans: yes | branch_merge_disjoint/0002_b.mig:3
ALTER TABLE orders DROP COLUMN note;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_a (downgrade)
-- file: branch_merge_disjoint/0002_a.mig
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | branch_merge_disjoint/0002_a.mig:9
DROP INDEX ix_users_nick;

-- lock: WRITE (the whole database) on users | rewrites: yes | scans: yes | branch_merge_disjoint/0002_a.mig:10
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

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | branch_merge_disjoint/0001_base.mig:4
DROP TABLE orders;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | branch_merge_disjoint/0001_base.mig:3
DROP TABLE users;

COMMIT;
--- exit 0
