-- migrac upgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_tags
-- file: primary_key_online/0001_tags.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- lock: none | rewrites: no | scans: no | primary_key_online/0001_tags.mig:1
CREATE TABLE article_tags (
  article_id bigint NOT NULL,
  tag varchar(50) NOT NULL
);

-- ---------------------------------------------------------------------------
-- migration: 0002_key
-- file: primary_key_online/0002_key.mig
-- after: 0001_tags
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on article_tags | rewrites: yes | scans: yes | primary_key_online/0002_key.mig:3
ALTER TABLE article_tags ADD CONSTRAINT pk_article_tags PRIMARY KEY (article_id, tag), ALGORITHM=INPLACE, LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
