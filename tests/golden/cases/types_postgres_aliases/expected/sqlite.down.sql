-- migrac downgrade script for sqlite: 1 migration
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: types_postgres_aliases/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on orders | rewrites: no | scans: no | types_postgres_aliases/0001_users.mig:24
DROP TABLE orders;

-- lock: WRITE (the whole database) on users | rewrites: no | scans: no | types_postgres_aliases/0001_users.mig:2
DROP TABLE users;

COMMIT;
--- stderr
types_postgres_aliases/0001_users.mig:3:15: info[I0230]: 'serial' is read as 'int identity'
    3 |   id          serial primary key,
      |               ^^^^^^
  help: write 'int identity'
types_postgres_aliases/0001_users.mig:25:12: info[I0230]: 'bigserial' is read as 'bigint identity'
   25 |   id       bigserial primary key,
      |            ^^^^^^^^^
  help: write 'bigint identity'
--- exit 0
