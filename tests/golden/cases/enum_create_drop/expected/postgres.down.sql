-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_enum_to_text (downgrade)
-- file: enum_create_drop/0002_enum_to_text.mig
-- after: 0001_enum
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: none | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:5
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');

-- lock: ACCESS EXCLUSIVE on orders | rewrites: yes | scans: yes | enum_create_drop/0002_enum_to_text.mig:4
ALTER TABLE orders ALTER COLUMN status TYPE order_status USING status::order_status;

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:3
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending';

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_enum (downgrade)
-- file: enum_create_drop/0001_enum.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | enum_create_drop/0001_enum.mig:3
DROP TABLE orders;

-- lock: ACCESS EXCLUSIVE on order_status | rewrites: no | scans: no | enum_create_drop/0001_enum.mig:1
DROP TYPE order_status;

COMMIT;
--- exit 0
