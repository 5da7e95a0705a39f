-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_unique_slug (downgrade)
-- file: unique_constraint_online/0002_unique_slug.mig
-- after: 0001_articles
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on articles | rewrites: no | scans: no | unique_constraint_online/0002_unique_slug.mig:4
ALTER TABLE articles DROP CONSTRAINT uq_articles_slug;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_articles (downgrade)
-- file: unique_constraint_online/0001_articles.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on articles | rewrites: no | scans: no | unique_constraint_online/0001_articles.mig:1
DROP TABLE articles;

COMMIT;
--- exit 0
