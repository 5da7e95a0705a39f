-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_people
-- file: generated_columns/0001_people.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | generated_columns/0001_people.mig:3
CREATE TABLE people (
  id INTEGER NOT NULL CONSTRAINT pk_people PRIMARY KEY AUTOINCREMENT,
  full_name TEXT GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  price NUMERIC NOT NULL,
  vat NUMERIC GENERATED ALWAYS AS (price * 0.2) STORED
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_more
-- file: generated_columns/0002_more.mig
-- after: 0001_people
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/4: outside a transaction

-- lock: none | rewrites: no | scans: no | generated_columns/0002_more.mig:5
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/4: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on people | rewrites: no | scans: no | generated_columns/0002_more.mig:5
-- rebuild of table 'people': sqlite cannot add column 'login' with a stored generated value in place
CREATE TABLE migrac_new_people (
  id INTEGER NOT NULL CONSTRAINT pk_people PRIMARY KEY AUTOINCREMENT,
  full_name TEXT GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  price NUMERIC NOT NULL,
  vat NUMERIC GENERATED ALWAYS AS (price * 0.2) STORED,
  login TEXT GENERATED ALWAYS AS (lower(first_name)) STORED
);

-- lock: WRITE (the whole database) on people | rewrites: yes | scans: yes | generated_columns/0002_more.mig:5
INSERT INTO migrac_new_people (id, first_name, last_name, price) SELECT id, first_name, last_name, price FROM people;

-- lock: WRITE (the whole database) on people | rewrites: no | scans: no | generated_columns/0002_more.mig:5
DROP TABLE people;

-- lock: none | rewrites: no | scans: no | generated_columns/0002_more.mig:5
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on people | rewrites: no | scans: no | generated_columns/0002_more.mig:5
ALTER TABLE migrac_new_people RENAME TO people;

-- lock: none | rewrites: no | scans: no | generated_columns/0002_more.mig:5
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | generated_columns/0002_more.mig:5
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

-- lock: WRITE (the whole database) on people | rewrites: no | scans: yes | generated_columns/0002_more.mig:6
CREATE INDEX ix_people_login ON people (login);

COMMIT;

-- segment 3/4: outside a transaction

-- backfill: in batches, each committed, until no row is left | lock: WRITE (the whole database) on people | rewrites: no | scans: yes | generated_columns/0002_more.mig:8
-- migrac upgrade walks the key in ranges of 10000 instead, each batch after the last key done ($1):
--   bound:  SELECT migrac_k1 FROM (SELECT id AS migrac_k1 FROM people WHERE id > $1 ORDER BY id LIMIT 10000) migrac_batch ORDER BY migrac_k1 DESC LIMIT 1
--   update: UPDATE people SET last_name = upper(last_name) WHERE id > $1 AND id <= $2 AND last_name IS NOT upper(last_name)
--   rows:   SELECT count(*) FROM people
-- the sqlite3 shell cannot repeat a batch: every row in one statement
UPDATE people SET last_name = upper(last_name) WHERE last_name IS NOT upper(last_name);

-- segment 4/4: outside a transaction

-- lock: none | rewrites: no | scans: no | generated_columns/0002_more.mig:5
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;
--- exit 0
