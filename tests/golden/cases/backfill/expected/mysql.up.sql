-- migrac upgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_articles
-- file: backfill/0001_articles.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- lock: none | rewrites: no | scans: no | backfill/0001_articles.mig:1
CREATE TABLE articles (
  id bigint NOT NULL AUTO_INCREMENT,
  title varchar(200) NOT NULL,
  CONSTRAINT pk_articles PRIMARY KEY (id)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_slug
-- file: backfill/0002_slug.mig
-- after: 0001_articles
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on articles | rewrites: no | scans: no | backfill/0002_slug.mig:3
ALTER TABLE articles ADD COLUMN slug varchar(200), ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 2/3: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- backfill: in batches, each committed, until no row is left | lock: row locks on the rows updated on articles | rewrites: no | scans: yes | backfill/0002_slug.mig:5
-- migrac upgrade walks the key in ranges of 500 instead, each batch after the last key done ($1):
--   bound:  SELECT migrac_k1 FROM (SELECT id AS migrac_k1 FROM articles WHERE id > $1 ORDER BY id LIMIT 500) migrac_batch ORDER BY migrac_k1 DESC LIMIT 1
--   update: UPDATE articles SET slug = lower(title) WHERE id > $1 AND id <= $2 AND slug IS NULL AND NOT (slug <=> lower(title))
--   rows:   SELECT table_rows FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'articles'
-- the mysql client cannot repeat a batch: every row in one statement
UPDATE articles SET slug = lower(title) WHERE slug IS NULL AND NOT (slug <=> lower(title));

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 3/3: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on articles | rewrites: yes | scans: yes | backfill/0002_slug.mig:6
ALTER TABLE articles MODIFY COLUMN slug varchar(200) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
