-- migrac downgrade script for postgres: 3 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0003_text (downgrade)
-- file: raw_jsonb_reverse/0003_text.mig
-- after: 0002_jsonb
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on events | rewrites: yes | scans: yes | raw_jsonb_reverse/0003_text.mig:4
ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::jsonb;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_jsonb (downgrade)
-- file: raw_jsonb_reverse/0002_jsonb.up.sql
-- after: 0001_base
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- raw SQL: locks not analyzed | raw_jsonb_reverse/0002_jsonb.down.sql:1
ALTER TABLE events ALTER COLUMN payload TYPE varchar(8000);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_base (downgrade)
-- file: raw_jsonb_reverse/0001_base.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on events | rewrites: no | scans: no | raw_jsonb_reverse/0001_base.mig:1
DROP TABLE events;

COMMIT;
--- exit 0
