-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_index (downgrade)
-- file: long_names/0002_index.mig
-- after: 0001_long
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on a_table_with_a_rather_long_name_for_testing_limits | rewrites: no | scans: no | long_names/0002_index.mig:5
ALTER TABLE a_table_with_a_rather_long_name_for_testing_limits ALTER COLUMN a_column_with_a_name_that_is_also_quite_long_for_testing DROP NOT NULL;

COMMIT;

-- segment 2/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on a_table_with_a_rather_long_name_for_testing_limits | rewrites: no | scans: no | long_names/0002_index.mig:4
DROP INDEX CONCURRENTLY IF EXISTS ix_a_table_with_a_rather_long_name_for_testing_limits_c7036da7;

-- setting: back to the session default
RESET lock_timeout;

-- ---------------------------------------------------------------------------
-- migration: 0001_long (downgrade)
-- file: long_names/0001_long.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on a_table_with_a_rather_long_name_for_testing_limits | rewrites: no | scans: no | long_names/0001_long.mig:1
DROP TABLE a_table_with_a_rather_long_name_for_testing_limits;

COMMIT;
--- exit 0
