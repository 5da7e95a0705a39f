-- migrac upgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_order_items
-- file: quoted_identifiers/0001_order_items.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- lock: none | rewrites: no | scans: no | quoted_identifiers/0001_order_items.mig:1
CREATE TABLE `Order Items` (
  Id bigint NOT NULL AUTO_INCREMENT,
  `order` int NOT NULL,
  Label varchar(40),
  user longtext,
  CONSTRAINT `pk_Order Items` PRIMARY KEY (Id)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_changes
-- file: quoted_identifiers/0002_changes.mig
-- after: 0001_order_items
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/6: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on "Order Items" | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:3
ALTER TABLE `Order Items` ADD COLUMN `Unit Price` decimal(10,2) DEFAULT 0, ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 2/6: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on "Order Items" | rewrites: no | scans: yes | quoted_identifiers/0002_changes.mig:4
CREATE INDEX `ix_Order Items_order_Label` ON `Order Items` (`order`, Label) ALGORITHM=INPLACE LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 3/6: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on "Order Items" | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:5
ALTER TABLE `Order Items` RENAME COLUMN user TO `Buyer Name`, ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 4/6: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on "Order Items" | rewrites: yes | scans: yes | quoted_identifiers/0002_changes.mig:6
ALTER TABLE `Order Items` MODIFY COLUMN Label varchar(40) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 5/6: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- backfill: in batches, each committed, until no row is left | lock: row locks on the rows updated on "Order Items" | rewrites: no | scans: yes | quoted_identifiers/0002_changes.mig:7
-- migrac upgrade walks the key in ranges of 100 instead, each batch after the last key done ($1):
--   bound:  SELECT migrac_k1 FROM (SELECT Id AS migrac_k1 FROM `Order Items` WHERE Id > $1 ORDER BY Id LIMIT 100) migrac_batch ORDER BY migrac_k1 DESC LIMIT 1
--   update: UPDATE `Order Items` SET Label = upper(Label) WHERE Id > $1 AND Id <= $2 AND Label <> upper(Label) AND NOT (Label <=> upper(Label))
--   rows:   SELECT table_rows FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'Order Items'
-- the mysql client cannot repeat a batch: every row in one statement
UPDATE `Order Items` SET Label = upper(Label) WHERE Label <> upper(Label) AND NOT (Label <=> upper(Label));

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 6/6: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on "Order Items" | rewrites: no | scans: no | quoted_identifiers/0002_changes.mig:8
ALTER TABLE `Order Items` RENAME TO LineItems, ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
