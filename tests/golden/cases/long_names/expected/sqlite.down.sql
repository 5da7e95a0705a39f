-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_index (downgrade)
-- file: long_names/0002_index.mig
-- after: 0001_long
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- lock: none | rewrites: no | scans: no | long_names/0002_index.mig:5
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/3: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on a_table_with_a_rather_long_name_for_testing_limits | rewrites: no | scans: no | long_names/0002_index.mig:5
-- rebuild of table 'a_table_with_a_rather_long_name_for_testing_limits': sqlite cannot drop not null on column 'a_column_with_a_name_that_is_also_quite_long_for_testing' in place
CREATE TABLE migrac_new_a_table_with_a_rather_long_name_for_testing_limits (
  id INTEGER NOT NULL CONSTRAINT pk_a_table_with_a_rather_long_name_for_testing_limits PRIMARY KEY AUTOINCREMENT,
  a_column_with_a_name_that_is_also_quite_long_for_testing INTEGER
);

-- lock: WRITE (the whole database) on a_table_with_a_rather_long_name_for_testing_limits | rewrites: yes | scans: yes | long_names/0002_index.mig:5
INSERT INTO migrac_new_a_table_with_a_rather_long_name_for_testing_limits (id, a_column_with_a_name_that_is_also_quite_long_for_testing) SELECT id, a_column_with_a_name_that_is_also_quite_long_for_testing FROM a_table_with_a_rather_long_name_for_testing_limits;

-- lock: WRITE (the whole database) on a_table_with_a_rather_long_name_for_testing_limits | rewrites: no | scans: no | long_names/0002_index.mig:5
DROP TABLE a_table_with_a_rather_long_name_for_testing_limits;

-- lock: none | rewrites: no | scans: no | long_names/0002_index.mig:5
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on a_table_with_a_rather_long_name_for_testing_limits | rewrites: no | scans: no | long_names/0002_index.mig:5
ALTER TABLE migrac_new_a_table_with_a_rather_long_name_for_testing_limits RENAME TO a_table_with_a_rather_long_name_for_testing_limits;

-- lock: none | rewrites: no | scans: no | long_names/0002_index.mig:5
PRAGMA legacy_alter_table = OFF;

-- lock: WRITE (the whole database) on a_table_with_a_rather_long_name_for_testing_limits | rewrites: no | scans: yes | long_names/0002_index.mig:5
CREATE INDEX ix_a_table_with_a_rather_long_name_for_testing_limits_c7036da7 ON a_table_with_a_rather_long_name_for_testing_limits (a_column_with_a_name_that_is_also_quite_long_for_testing);

-- lock: none | rewrites: no | scans: no | long_names/0002_index.mig:5
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

-- lock: WRITE (the whole database) on a_table_with_a_rather_long_name_for_testing_limits | rewrites: no | scans: no | long_names/0002_index.mig:4
DROP INDEX ix_a_table_with_a_rather_long_name_for_testing_limits_c7036da7;

COMMIT;

-- segment 3/3: outside a transaction

-- lock: none | rewrites: no | scans: no | long_names/0002_index.mig:5
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;

-- ---------------------------------------------------------------------------
-- migration: 0001_long (downgrade)
-- file: long_names/0001_long.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on a_table_with_a_rather_long_name_for_testing_limits | rewrites: no | scans: no | long_names/0001_long.mig:1
DROP TABLE a_table_with_a_rather_long_name_for_testing_limits;

COMMIT;
--- exit 0
