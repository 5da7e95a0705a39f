-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_articles
-- file: backfill/0001_articles.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | backfill/0001_articles.mig:1
CREATE TABLE articles (
  id INTEGER NOT NULL CONSTRAINT pk_articles PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_slug
-- file: backfill/0002_slug.mig
-- after: 0001_articles
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/5: outside a transaction

-- lock: none | rewrites: no | scans: no | backfill/0002_slug.mig:6
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/5: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on articles | rewrites: no | scans: no | backfill/0002_slug.mig:3
ALTER TABLE articles ADD COLUMN slug TEXT;

COMMIT;

-- segment 3/5: outside a transaction

-- backfill: in batches, each committed, until no row is left | lock: WRITE (the whole database) on articles | rewrites: no | scans: yes | backfill/0002_slug.mig:5
-- migrac upgrade walks the key in ranges of 500 instead, each batch after the last key done ($1):
--   bound:  SELECT migrac_k1 FROM (SELECT id AS migrac_k1 FROM articles WHERE id > $1 ORDER BY id LIMIT 500) migrac_batch ORDER BY migrac_k1 DESC LIMIT 1
--   update: UPDATE articles SET slug = lower(title) WHERE id > $1 AND id <= $2 AND slug IS NULL AND slug IS NOT lower(title)
--   rows:   SELECT count(*) FROM articles
-- the sqlite3 shell cannot repeat a batch: every row in one statement
UPDATE articles SET slug = lower(title) WHERE slug IS NULL AND slug IS NOT lower(title);

-- segment 4/5: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on articles | rewrites: no | scans: no | backfill/0002_slug.mig:6
-- rebuild of table 'articles': sqlite cannot set not null on column 'slug' in place
CREATE TABLE migrac_new_articles (
  id INTEGER NOT NULL CONSTRAINT pk_articles PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  slug TEXT NOT NULL
);

-- lock: WRITE (the whole database) on articles | rewrites: yes | scans: yes | backfill/0002_slug.mig:6
INSERT INTO migrac_new_articles (id, title, slug) SELECT id, title, slug FROM articles;

-- lock: WRITE (the whole database) on articles | rewrites: no | scans: no | backfill/0002_slug.mig:6
DROP TABLE articles;

-- lock: none | rewrites: no | scans: no | backfill/0002_slug.mig:6
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on articles | rewrites: no | scans: no | backfill/0002_slug.mig:6
ALTER TABLE migrac_new_articles RENAME TO articles;

-- lock: none | rewrites: no | scans: no | backfill/0002_slug.mig:6
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | backfill/0002_slug.mig:6
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

COMMIT;

-- segment 5/5: outside a transaction

-- lock: none | rewrites: no | scans: no | backfill/0002_slug.mig:6
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;
--- exit 0
