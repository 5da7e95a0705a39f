-- migrac downgrade script for mysql: 1 migration
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: partial_index_widened/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on users | rewrites: no | scans: no | partial_index_widened/0001_users.mig:8
ALTER TABLE users DROP INDEX ix_users_phone_number, ALGORITHM=INPLACE, LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 2/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: exclusive metadata lock on users | rewrites: no | scans: no | partial_index_widened/0001_users.mig:3
DROP TABLE users;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- stderr
partial_index_widened/0001_users.mig:8:1: warning[W0524]: partial index 'ix_users_phone_number' is built over every row on mysql, which has no index 'where'
    8 | create index ix_users_phone_number on users (phone_number) where phone_number is not null;
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
--- exit 0
