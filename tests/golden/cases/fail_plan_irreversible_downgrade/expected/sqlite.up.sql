-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_create_users
-- file: fail_plan_irreversible_downgrade/0001_create_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | fail_plan_irreversible_downgrade/0001_create_users.mig:1
CREATE TABLE users (
  id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_normalize_emails
-- file: fail_plan_irreversible_downgrade/0002_normalize_emails.mig
-- after: 0001_create_users
-- reversible: no, 'sql' without a 'down' block (fail_plan_irreversible_downgrade/0002_normalize_emails.mig:3)
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- raw SQL: locks not analyzed | fail_plan_irreversible_downgrade/0002_normalize_emails.mig:3
UPDATE users SET email = lower(email);

COMMIT;
--- exit 0
