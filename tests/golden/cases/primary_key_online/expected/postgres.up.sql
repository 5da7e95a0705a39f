-- migrac upgrade script for postgres: 2 migrations
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
  article_id bigint NOT NULL,
  tag varchar(50) NOT NULL
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_key
-- file: primary_key_online/0002_key.mig
-- after: 0001_tags
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- recovery: drops an index left INVALID by an interrupted build (the runner runs it only in that case) | lock: SHARE UPDATE EXCLUSIVE on article_tags | rewrites: no | scans: no | primary_key_online/0002_key.mig:3
DROP INDEX CONCURRENTLY IF EXISTS pk_article_tags;

-- lock: SHARE UPDATE EXCLUSIVE on article_tags | rewrites: no | scans: yes | primary_key_online/0002_key.mig:3
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS pk_article_tags ON article_tags (article_id, tag);

-- setting: back to the session default
RESET lock_timeout;

-- segment 2/2: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on article_tags | rewrites: no | scans: yes | primary_key_online/0002_key.mig:3
ALTER TABLE article_tags ADD CONSTRAINT pk_article_tags PRIMARY KEY USING INDEX pk_article_tags;

COMMIT;
--- exit 0
