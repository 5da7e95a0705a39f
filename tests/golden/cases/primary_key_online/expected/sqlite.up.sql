-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_tags
-- file: primary_key_online/0001_tags.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | primary_key_online/0001_tags.mig:1
CREATE TABLE article_tags (
  article_id INTEGER NOT NULL,
  tag TEXT NOT NULL
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_key
-- file: primary_key_online/0002_key.mig
-- after: 0001_tags
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/3: outside a transaction

-- lock: none | rewrites: no | scans: no | primary_key_online/0002_key.mig:3
-- foreign keys off for the table rebuild (no effect inside a transaction)
PRAGMA foreign_keys = OFF;

-- segment 2/3: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on article_tags | rewrites: no | scans: no | primary_key_online/0002_key.mig:3
-- rebuild of table 'article_tags': sqlite cannot add constraint 'pk_article_tags' in place
CREATE TABLE migrac_new_article_tags (
  article_id INTEGER NOT NULL,
  tag TEXT NOT NULL,
  CONSTRAINT pk_article_tags PRIMARY KEY (article_id, tag)
);

-- lock: WRITE (the whole database) on article_tags | rewrites: yes | scans: yes | primary_key_online/0002_key.mig:3
INSERT INTO migrac_new_article_tags (article_id, tag) SELECT article_id, tag FROM article_tags;

-- lock: WRITE (the whole database) on article_tags | rewrites: no | scans: no | primary_key_online/0002_key.mig:3
DROP TABLE article_tags;

-- lock: none | rewrites: no | scans: no | primary_key_online/0002_key.mig:3
-- the rename leaves views that name the table valid
PRAGMA legacy_alter_table = ON;

-- lock: WRITE (the whole database) on article_tags | rewrites: no | scans: no | primary_key_online/0002_key.mig:3
ALTER TABLE migrac_new_article_tags RENAME TO article_tags;

-- lock: none | rewrites: no | scans: no | primary_key_online/0002_key.mig:3
PRAGMA legacy_alter_table = OFF;

-- lock: none | rewrites: no | scans: no | primary_key_online/0002_key.mig:3
-- every row must still find its parent: migrac stops on any row listed
PRAGMA foreign_key_check;

COMMIT;

-- segment 3/3: outside a transaction

-- lock: none | rewrites: no | scans: no | primary_key_online/0002_key.mig:3
-- foreign keys back on after the table rebuild
PRAGMA foreign_keys = ON;
--- exit 0
