-- migrac upgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: no_transaction_block/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- lock: none | rewrites: no | scans: no | no_transaction_block/0001_users.mig:1
CREATE TABLE users (
  id bigint NOT NULL AUTO_INCREMENT,
  email varchar(255) NOT NULL,
  name varchar(100),
  created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT pk_users PRIMARY KEY (id),
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_maintenance
-- file: no_transaction_block/0002_maintenance.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/4: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on users | rewrites: no | scans: no | no_transaction_block/0002_maintenance.mig:3
ALTER TABLE users ADD COLUMN bio longtext, ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 2/4: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- raw SQL: locks not analyzed | no_transaction_block/0002_maintenance.mig:7
ANALYZE TABLE users;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 3/4: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- raw SQL: locks not analyzed | no_transaction_block/0002_maintenance.mig:10
ANALYZE TABLE users;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 4/4: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on users | rewrites: no | scans: no | no_transaction_block/0002_maintenance.mig:15
ALTER TABLE users RENAME COLUMN bio TO about, ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
