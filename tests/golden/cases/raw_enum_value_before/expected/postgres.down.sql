-- migrac downgrade script for postgres: 3 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0003_drop (downgrade)
-- file: raw_enum_value_before/0003_drop.mig
-- after: 0002_add_value
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | raw_enum_value_before/0003_drop.mig:4
CREATE TYPE status AS ENUM ('new', 'started', 'done');

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_add_value (downgrade)
-- file: raw_enum_value_before/0002_add_value.up.sql
-- after: 0001_status
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- raw SQL: locks not analyzed | raw_enum_value_before/0002_add_value.down.sql:1
DROP TYPE status;

-- raw SQL: locks not analyzed | raw_enum_value_before/0002_add_value.down.sql:2
CREATE TYPE status AS ENUM ('new', 'done');

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_status (downgrade)
-- file: raw_enum_value_before/0001_status.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on status | rewrites: no | scans: no | raw_enum_value_before/0001_status.mig:1
DROP TYPE status;

COMMIT;
--- exit 0
