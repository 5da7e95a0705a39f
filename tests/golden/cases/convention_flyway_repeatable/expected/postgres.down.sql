-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 1.1 (downgrade)
-- file: convention_flyway_repeatable/V1.1__tags.sql
-- after: 1
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- raw SQL: locks not analyzed | convention_flyway_repeatable/U1.1__tags.sql:1
DROP TABLE tags;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 1 (downgrade)
-- file: convention_flyway_repeatable/V1__init.sql
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- raw SQL: locks not analyzed | convention_flyway_repeatable/U1__init.sql:1
DROP TABLE users;

COMMIT;
--- stderr
migrac: reading 'convention_flyway_repeatable' as a flyway directory (detected; set 'convention = flyway' in migrac.ini to say so)
--- exit 0
