-- migrac downgrade script for postgres: 1 migration
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_hosts (downgrade)
-- file: types_postgres_only/0001_hosts.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on hosts | rewrites: yes | scans: yes | types_postgres_only/0001_hosts.mig:22
ALTER TABLE hosts ALTER COLUMN ports TYPE integer[] USING ports::integer[];

-- lock: ACCESS EXCLUSIVE on hosts | rewrites: no | scans: no | types_postgres_only/0001_hosts.mig:4
DROP TABLE hosts;

-- lock: ACCESS EXCLUSIVE on mood | rewrites: no | scans: no | types_postgres_only/0001_hosts.mig:2
DROP TYPE mood;

COMMIT;
--- exit 0
