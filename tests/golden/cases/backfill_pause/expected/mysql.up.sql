-- migrac upgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_events
-- file: backfill_pause/0001_events.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- lock: none | rewrites: no | scans: no | backfill_pause/0001_events.mig:1
CREATE TABLE events (
  account_id bigint NOT NULL,
  seq int NOT NULL,
  kind longtext NOT NULL,
  kind2 longtext,
  CONSTRAINT pk_events PRIMARY KEY (account_id, seq)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_kind2
-- file: backfill_pause/0002_kind2.mig
-- after: 0001_events
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- backfill: in batches, each committed, until no row is left | lock: row locks on the rows updated on events | rewrites: no | scans: yes | backfill_pause/0002_kind2.mig:4
-- migrac upgrade walks the key in ranges of 1000 instead, each batch after the last key done ($1..$2):
--   bound:  SELECT migrac_k1, migrac_k2 FROM (SELECT account_id AS migrac_k1, seq AS migrac_k2 FROM events WHERE (account_id, seq) > ($1, $2) ORDER BY account_id, seq LIMIT 1000) migrac_batch ORDER BY migrac_k1 DESC, migrac_k2 DESC LIMIT 1
--   update: UPDATE events SET kind2 = upper(kind) WHERE (account_id, seq) > ($1, $2) AND (account_id, seq) <= ($3, $4) AND kind2 IS NULL AND NOT (kind2 <=> upper(kind))
--   rows:   SELECT table_rows FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'events'
--   pause:  50ms between batches
-- the mysql client cannot repeat a batch: every row in one statement
UPDATE events SET kind2 = upper(kind) WHERE kind2 IS NULL AND NOT (kind2 <=> upper(kind));

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
