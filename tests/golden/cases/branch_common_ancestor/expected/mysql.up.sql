-- migrac upgrade script for mysql: 5 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_base
-- file: branch_common_ancestor/0001_base.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- lock: none | rewrites: no | scans: no | branch_common_ancestor/0001_base.mig:4
CREATE TABLE users (
  id bigint NOT NULL AUTO_INCREMENT,
  CONSTRAINT pk_users PRIMARY KEY (id)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_a
-- file: branch_common_ancestor/0002_a.mig
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- lock: none | rewrites: no | scans: no | branch_common_ancestor/0002_a.mig:3
CREATE TABLE audit (
  id bigint NOT NULL AUTO_INCREMENT,
  at datetime(6) NOT NULL,
  CONSTRAINT pk_audit PRIMARY KEY (id)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_b
-- file: branch_common_ancestor/0002_b.mig
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on users | rewrites: no | scans: no | branch_common_ancestor/0002_b.mig:3
ALTER TABLE users ADD COLUMN name varchar(100), ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- ---------------------------------------------------------------------------
-- migration: 0003_b
-- file: branch_common_ancestor/0003_b.mig
-- after: 0002_b
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on users | rewrites: no | scans: yes | branch_common_ancestor/0003_b.mig:3
CREATE INDEX ix_users_name ON users (name) ALGORITHM=INPLACE LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- ---------------------------------------------------------------------------
-- migration: 0004_merge
-- file: branch_common_ancestor/0004_merge.mig
-- after: 0002_a, 0003_b
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on audit | rewrites: no | scans: no | branch_common_ancestor/0004_merge.mig:3
ALTER TABLE audit ADD COLUMN user_name longtext, ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
