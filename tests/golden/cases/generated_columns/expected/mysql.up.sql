-- migrac upgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_people
-- file: generated_columns/0001_people.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- lock: none | rewrites: no | scans: no | generated_columns/0001_people.mig:3
CREATE TABLE people (
  id bigint NOT NULL AUTO_INCREMENT,
  full_name longtext GENERATED ALWAYS AS (concat(concat(first_name, ' '), last_name)) STORED,
  first_name longtext NOT NULL,
  last_name longtext NOT NULL,
  price decimal(10,2) NOT NULL,
  vat decimal(10,2) GENERATED ALWAYS AS (price * 0.2) STORED,
  CONSTRAINT pk_people PRIMARY KEY (id)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_more
-- file: generated_columns/0002_more.mig
-- after: 0001_people
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=COPY, LOCK=SHARED (writes wait) on people | rewrites: yes | scans: yes | generated_columns/0002_more.mig:5
ALTER TABLE people ADD COLUMN login varchar(100) GENERATED ALWAYS AS (lower(first_name)) STORED, ALGORITHM=COPY, LOCK=SHARED;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 2/3: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on people | rewrites: no | scans: yes | generated_columns/0002_more.mig:6
CREATE INDEX ix_people_login ON people (login) ALGORITHM=INPLACE LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 3/3: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- backfill: in batches, each committed, until no row is left | lock: row locks on the rows updated on people | rewrites: no | scans: yes | generated_columns/0002_more.mig:8
-- migrac upgrade walks the key in ranges of 10000 instead, each batch after the last key done ($1):
--   bound:  SELECT migrac_k1 FROM (SELECT id AS migrac_k1 FROM people WHERE id > $1 ORDER BY id LIMIT 10000) migrac_batch ORDER BY migrac_k1 DESC LIMIT 1
--   update: UPDATE people SET last_name = upper(last_name) WHERE id > $1 AND id <= $2 AND NOT (last_name <=> upper(last_name))
--   rows:   SELECT table_rows FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'people'
-- the mysql client cannot repeat a batch: every row in one statement
UPDATE people SET last_name = upper(last_name) WHERE NOT (last_name <=> upper(last_name));

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
