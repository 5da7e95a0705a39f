-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_types (downgrade)
-- file: alter_column_type/0002_types.mig
-- after: 0001_items
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on items | rewrites: yes | scans: yes | alter_column_type/0002_types.mig:11
ALTER TABLE items ALTER COLUMN ref TYPE text;

-- lock: ACCESS EXCLUSIVE on items | rewrites: no | scans: no | alter_column_type/0002_types.mig:9
ALTER TABLE items ALTER COLUMN note TYPE text;

-- lock: ACCESS EXCLUSIVE on items | rewrites: yes | scans: yes | alter_column_type/0002_types.mig:8
ALTER TABLE items ALTER COLUMN qty TYPE integer;

-- lock: ACCESS EXCLUSIVE on items | rewrites: yes | scans: yes | alter_column_type/0002_types.mig:6
ALTER TABLE items ALTER COLUMN code TYPE varchar(10);

-- lock: ACCESS EXCLUSIVE on items | rewrites: yes | scans: yes | alter_column_type/0002_types.mig:5
ALTER TABLE items ALTER COLUMN price TYPE numeric(10,2);

-- lock: ACCESS EXCLUSIVE on items | rewrites: yes | scans: yes | alter_column_type/0002_types.mig:4
ALTER TABLE items ALTER COLUMN label TYPE varchar(50);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_items (downgrade)
-- file: alter_column_type/0001_items.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on items | rewrites: no | scans: no | alter_column_type/0001_items.mig:1
DROP TABLE items;

COMMIT;
--- exit 0
