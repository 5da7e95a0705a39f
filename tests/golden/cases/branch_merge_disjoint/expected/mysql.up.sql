-- migrac upgrade script for mysql: 4 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_base
-- file: branch_merge_disjoint/0001_base.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- lock: none | rewrites: no | scans: no | branch_merge_disjoint/0001_base.mig:3
CREATE TABLE users (
  id bigint NOT NULL AUTO_INCREMENT,
  email longtext NOT NULL,
  CONSTRAINT pk_users PRIMARY KEY (id)
);

-- segment 2/2: outside a transaction

-- lock: none | rewrites: no | scans: no | branch_merge_disjoint/0001_base.mig:4
CREATE TABLE orders (
  id bigint NOT NULL AUTO_INCREMENT,
  total decimal(10,2),
  CONSTRAINT pk_orders PRIMARY KEY (id)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_a
-- file: branch_merge_disjoint/0002_a.mig
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on users | rewrites: no | scans: no | branch_merge_disjoint/0002_a.mig:3
ALTER TABLE users ADD COLUMN nick varchar(40), ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 2/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on users | rewrites: no | scans: yes | branch_merge_disjoint/0002_a.mig:4
CREATE INDEX ix_users_nick ON users (nick) ALGORITHM=INPLACE LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- ---------------------------------------------------------------------------
-- migration: 0002_b
-- file: branch_merge_disjoint/0002_b.mig
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on orders | rewrites: no | scans: no | branch_merge_disjoint/0002_b.mig:3
ALTER TABLE orders ADD COLUMN note longtext, ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 2/3: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on users | rewrites: no | scans: no | branch_merge_disjoint/0002_b.mig:4
ALTER TABLE users ADD COLUMN age int, ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 3/3: outside a transaction

-- lock: none | rewrites: no | scans: no | branch_merge_disjoint/0002_b.mig:5
CREATE TABLE tags (
  id bigint NOT NULL AUTO_INCREMENT,
  name longtext NOT NULL,
  CONSTRAINT pk_tags PRIMARY KEY (id)
);

-- ---------------------------------------------------------------------------
-- migration: 0003_merge
-- file: branch_merge_disjoint/0003_merge.mig
-- after: 0002_a, 0002_b
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on orders | rewrites: no | scans: no | branch_merge_disjoint/0003_merge.mig:3
ALTER TABLE orders ADD COLUMN status ENUM('pending', 'paid', 'refunded'), ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 2/3: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on tags | rewrites: no | scans: no | branch_merge_disjoint/0003_merge.mig:4
ALTER TABLE tags ADD COLUMN user_nick longtext, ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 3/3: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on users | rewrites: no | scans: yes | branch_merge_disjoint/0003_merge.mig:5
CREATE INDEX ix_users_nick_age ON users (nick, age) ALGORITHM=INPLACE LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
