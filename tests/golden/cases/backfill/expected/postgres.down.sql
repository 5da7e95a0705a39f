-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_slug (downgrade)
-- file: backfill/0002_slug.mig
-- after: 0001_articles
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on articles | rewrites: no | scans: no | backfill/0002_slug.mig:6
ALTER TABLE articles ALTER COLUMN slug DROP NOT NULL;

-- lock: ACCESS EXCLUSIVE on articles | rewrites: no | scans: no | backfill/0002_slug.mig:3
ALTER TABLE articles DROP COLUMN slug;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_articles (downgrade)
-- file: backfill/0001_articles.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on articles | rewrites: no | scans: no | backfill/0001_articles.mig:1
DROP TABLE articles;

COMMIT;
--- exit 0
