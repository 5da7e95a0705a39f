-- migrac upgrade script for postgres: 4 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 1
-- file: convention_flyway_repeatable/V1__init.sql
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- raw SQL: locks not analyzed | convention_flyway_repeatable/V1__init.sql:1
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 1.1
-- file: convention_flyway_repeatable/V1.1__tags.sql
-- after: 1
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- raw SQL: locks not analyzed | convention_flyway_repeatable/V1.1__tags.sql:1
CREATE TABLE tags (id bigint PRIMARY KEY);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: R__functions
-- file: convention_flyway_repeatable/R__functions.sql
-- after: every versioned migration (repeatable: runs when its checksum changed)
-- reversible: no, a repeatable migration is never reverted
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- raw SQL: locks not analyzed | convention_flyway_repeatable/R__functions.sql:1
CREATE OR REPLACE FUNCTION user_count() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT count(*) FROM users
$$;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: R__views
-- file: convention_flyway_repeatable/R__views.sql
-- after: every versioned migration (repeatable: runs when its checksum changed)
-- reversible: no, a repeatable migration is never reverted
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- raw SQL: locks not analyzed | convention_flyway_repeatable/R__views.sql:1
CREATE OR REPLACE VIEW user_emails AS SELECT id, email FROM users;

COMMIT;
--- stderr
migrac: reading 'convention_flyway_repeatable' as a flyway directory (detected; set 'convention = flyway' in migrac.ini to say so)
--- exit 0
