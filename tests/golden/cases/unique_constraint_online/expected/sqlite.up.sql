-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_articles
-- file: unique_constraint_online/0001_articles.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | unique_constraint_online/0001_articles.mig:1
CREATE TABLE articles (
  id INTEGER NOT NULL CONSTRAINT pk_articles PRIMARY KEY AUTOINCREMENT,
  slug TEXT,
  title TEXT NOT NULL
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_unique_slug
-- file: unique_constraint_online/0002_unique_slug.mig
-- after: 0001_articles
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- lock: none | rewrites: no | scans: no | unique_constraint_online/0002_unique_slug.mig:4
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/3: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on articles | rewrites: no | scans: no | unique_constraint_online/0002_unique_slug.mig:4
-- rebuild of table 'articles': sqlite cannot add constraint 'uq_articles_slug' in place
CREATE TABLE migrac_new_articles (
  id INTEGER NOT NULL CONSTRAINT pk_articles PRIMARY KEY AUTOINCREMENT,
  slug TEXT,
  title TEXT NOT NULL,
  CONSTRAINT uq_articles_slug UNIQUE (slug)
);

-- lock: WRITE (the whole database) on articles | rewrites: yes | scans: yes | unique_constraint_online/0002_unique_slug.mig:4
INSERT INTO migrac_new_articles (id, slug, title) SELECT id, slug, title FROM articles;

-- lock: WRITE (the whole database) on articles | rewrites: no | scans: no | unique_constraint_online/0002_unique_slug.mig:4
DROP TABLE articles;

-- lock: none | rewrites: no | scans: no | unique_constraint_online/0002_unique_slug.mig:4
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on articles | rewrites: no | scans: no | unique_constraint_online/0002_unique_slug.mig:4
ALTER TABLE migrac_new_articles RENAME TO articles;

-- lock: none | rewrites: no | scans: no | unique_constraint_online/0002_unique_slug.mig:4
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | unique_constraint_online/0002_unique_slug.mig:4
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

COMMIT;

-- segment 3/3: outside a transaction

-- lock: none | rewrites: no | scans: no | unique_constraint_online/0002_unique_slug.mig:4
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;
--- exit 0
