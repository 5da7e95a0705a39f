-- migrac downgrade script for mysql: 4 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0004_note (downgrade)
-- file: mysql_script/0004_note.mig
-- after: 0003_seed
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on items | rewrites: no | scans: no | mysql_script/0004_note.mig:3
ALTER TABLE items DROP COLUMN note, ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- ---------------------------------------------------------------------------
-- migration: 0003_seed (downgrade)
-- file: mysql_script/0003_seed.mig
-- after: 0002_qty
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for the session, reset after the segment
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, reset after the segment
SET SESSION innodb_lock_wait_timeout = 5;

-- raw SQL: locks not analyzed | mysql_script/0003_seed.mig:6
DELETE FROM items WHERE name = 'first';

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_qty (downgrade)
-- file: mysql_script/0002_qty.mig
-- after: 0001_items
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 3;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 3;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on items | rewrites: no | scans: no | mysql_script/0002_qty.mig:5
ALTER TABLE items DROP INDEX ix_items_name, ALGORITHM=INPLACE, LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 2/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 3;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 3;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on items | rewrites: no | scans: no | mysql_script/0002_qty.mig:4
ALTER TABLE items DROP COLUMN qty, ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- ---------------------------------------------------------------------------
-- migration: 0001_items (downgrade)
-- file: mysql_script/0001_items.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: exclusive metadata lock on items | rewrites: no | scans: no | mysql_script/0001_items.mig:1
DROP TABLE items;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
