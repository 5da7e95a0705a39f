-- migrac downgrade script for sqlite: 1 migration
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_all_types (downgrade)
-- file: create_table_all_types/0001_all_types.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on all_types | rewrites: no | scans: no | create_table_all_types/0001_all_types.mig:4
DROP TABLE all_types;

COMMIT;
--- exit 0
