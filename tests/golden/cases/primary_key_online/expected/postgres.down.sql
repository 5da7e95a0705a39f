-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_key (downgrade)
-- file: primary_key_online/0002_key.mig
-- after: 0001_tags
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on article_tags | rewrites: no | scans: no | primary_key_online/0002_key.mig:3
ALTER TABLE article_tags DROP CONSTRAINT pk_article_tags;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_tags (downgrade)
-- file: primary_key_online/0001_tags.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on article_tags | rewrites: no | scans: no | primary_key_online/0001_tags.mig:1
DROP TABLE article_tags;

COMMIT;
--- exit 0
