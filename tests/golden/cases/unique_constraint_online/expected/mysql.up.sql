-- migrac upgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_articles
-- file: unique_constraint_online/0001_articles.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- lock: none | rewrites: no | scans: no | unique_constraint_online/0001_articles.mig:1
CREATE TABLE articles (
  id bigint NOT NULL AUTO_INCREMENT,
  slug varchar(200),
  title varchar(200) NOT NULL,
  CONSTRAINT pk_articles PRIMARY KEY (id)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_unique_slug
-- file: unique_constraint_online/0002_unique_slug.mig
-- after: 0001_articles
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on articles | rewrites: no | scans: yes | unique_constraint_online/0002_unique_slug.mig:4
ALTER TABLE articles ADD CONSTRAINT uq_articles_slug UNIQUE (slug), ALGORITHM=INPLACE, LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
