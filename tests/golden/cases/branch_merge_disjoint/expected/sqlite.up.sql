-- migrac upgrade script for sqlite: 4 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_base
-- file: branch_merge_disjoint/0001_base.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | branch_merge_disjoint/0001_base.mig:3
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL
);

-- lock: none | rewrites: no | scans: no | branch_merge_disjoint/0001_base.mig:4
CREATE TABLE orders (
  id INTEGER NOT NULL CONSTRAINT pk_orders PRIMARY KEY AUTOINCREMENT,
  total NUMERIC
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_a
-- file: branch_merge_disjoint/0002_a.mig
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | branch_merge_disjoint/0002_a.mig:3
ALTER TABLE users ADD COLUMN nick TEXT;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: yes | branch_merge_disjoint/0002_a.mig:4
CREATE INDEX ix_users_nick ON users (nick);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_b
-- file: branch_merge_disjoint/0002_b.mig
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | branch_merge_disjoint/0002_b.mig:3
ALTER TABLE orders ADD COLUMN note TEXT;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | branch_merge_disjoint/0002_b.mig:4
ALTER TABLE users ADD COLUMN age INTEGER;

-- lock: none | rewrites: no | scans: no | branch_merge_disjoint/0002_b.mig:5
CREATE TABLE tags (
  id INTEGER NOT NULL CONSTRAINT pk_tags PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0003_merge
-- file: branch_merge_disjoint/0003_merge.mig
-- after: 0002_a, 0002_b
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: yes | branch_merge_disjoint/0003_merge.mig:3
ALTER TABLE orders ADD COLUMN status TEXT CHECK (status IN ('pending', 'paid', 'refunded'));

-- lock: WRITE (the whole database) on tags | rewrites: no | scans: no | branch_merge_disjoint/0003_merge.mig:4
ALTER TABLE tags ADD COLUMN user_nick TEXT;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: yes | branch_merge_disjoint/0003_merge.mig:5
CREATE INDEX ix_users_nick_age ON users (nick, age);

COMMIT;
--- exit 0
