-- migrac upgrade script for mysql: 4 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_items
-- file: mysql_script/0001_items.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- lock: none | rewrites: no | scans: no | mysql_script/0001_items.mig:1
CREATE TABLE items (
  id bigint NOT NULL AUTO_INCREMENT,
  name varchar(100) NOT NULL,
  CONSTRAINT pk_items PRIMARY KEY (id)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_qty
-- file: mysql_script/0002_qty.mig
-- after: 0001_items
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 3;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 3;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on items | rewrites: no | scans: no | mysql_script/0002_qty.mig:4
ALTER TABLE items ADD COLUMN qty int NOT NULL DEFAULT 0, ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 2/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 3;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 3;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on items | rewrites: no | scans: yes | mysql_script/0002_qty.mig:5
CREATE INDEX ix_items_name ON items (name) ALGORITHM=INPLACE LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- ---------------------------------------------------------------------------
-- migration: 0003_seed
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

-- raw SQL: locks not analyzed | mysql_script/0003_seed.mig:3
INSERT INTO items (name, qty) VALUES ('first', 1);

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0004_note
-- file: mysql_script/0004_note.mig
-- after: 0003_seed
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on items | rewrites: no | scans: no | mysql_script/0004_note.mig:3
ALTER TABLE items ADD COLUMN note varchar(200), ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 2/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- backfill: in batches, each committed, until no row is left | lock: row locks on the rows updated on items | rewrites: no | scans: yes | mysql_script/0004_note.mig:4
-- migrac upgrade walks the key in ranges of 10000 instead, each batch after the last key done ($1):
--   bound:  SELECT migrac_k1 FROM (SELECT id AS migrac_k1 FROM items WHERE id > $1 ORDER BY id LIMIT 10000) migrac_batch ORDER BY migrac_k1 DESC LIMIT 1
--   update: UPDATE items SET note = concat('n', qty) WHERE id > $1 AND id <= $2 AND note IS NULL AND NOT (note <=> concat('n', qty))
--   rows:   SELECT table_rows FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'items'
-- the mysql client cannot repeat a batch: every row in one statement
UPDATE items SET note = concat('n', qty) WHERE note IS NULL AND NOT (note <=> concat('n', qty));

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
