-- migrac upgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: drop_index_concurrent/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- lock: none | rewrites: no | scans: no | drop_index_concurrent/0001_users.mig:1
CREATE TABLE users (
  id bigint NOT NULL AUTO_INCREMENT,
  email varchar(255) NOT NULL,
  name varchar(100),
  created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT pk_users PRIMARY KEY (id),
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- segment 2/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on users | rewrites: no | scans: yes | drop_index_concurrent/0001_users.mig:8
CREATE INDEX ix_users_name ON users (name) ALGORITHM=INPLACE LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- ---------------------------------------------------------------------------
-- migration: 0002_drop_index
-- file: drop_index_concurrent/0002_drop_index.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on users | rewrites: no | scans: no | drop_index_concurrent/0002_drop_index.mig:4
ALTER TABLE users DROP INDEX ix_users_name, ALGORITHM=INPLACE, LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- stderr
drop_index_concurrent/0001_users.mig:8:1: warning[W0524]: partial index 'ix_users_name' is built over every row on mysql, which has no index 'where'
    8 | create index ix_users_name on users (name) where name is not null;
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
--- exit 0
