-- migrac upgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_create_users
-- file: fail_plan_irreversible_downgrade/0001_create_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- lock: none | rewrites: no | scans: no | fail_plan_irreversible_downgrade/0001_create_users.mig:1
CREATE TABLE users (
  id bigint NOT NULL AUTO_INCREMENT,
  email longtext NOT NULL,
  CONSTRAINT pk_users PRIMARY KEY (id)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_normalize_emails
-- file: fail_plan_irreversible_downgrade/0002_normalize_emails.mig
-- after: 0001_create_users
-- reversible: no, 'sql' without a 'down' block (fail_plan_irreversible_downgrade/0002_normalize_emails.mig:3)
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for the session, reset after the segment
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, reset after the segment
SET SESSION innodb_lock_wait_timeout = 5;

-- raw SQL: locks not analyzed | fail_plan_irreversible_downgrade/0002_normalize_emails.mig:3
UPDATE users SET email = lower(email);

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

COMMIT;
--- exit 0
