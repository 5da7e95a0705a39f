-- migrac upgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_events
-- file: backfill_without_key/0001_events.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- lock: none | rewrites: no | scans: no | backfill_without_key/0001_events.mig:1
CREATE TABLE events (
  kind longtext,
  payload json,
  seen tinyint(1)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_fill
-- file: backfill_without_key/0002_fill.mig
-- after: 0001_events
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- backfill: in batches, each committed, until no row is left | lock: row locks on the rows updated on events | rewrites: no | scans: yes | backfill_without_key/0002_fill.mig:4
-- migrac upgrade repeats one batch instead, until it changes no row:
--   batch:  UPDATE events SET seen = FALSE, kind = coalesce(kind, 'unknown') WHERE (NOT (seen <=> FALSE) OR NOT (kind <=> coalesce(kind, 'unknown'))) LIMIT 10000
--   rows:   SELECT table_rows FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'events'
-- the mysql client cannot repeat a batch: every row in one statement
UPDATE events SET seen = FALSE, kind = coalesce(kind, 'unknown') WHERE (NOT (seen <=> FALSE) OR NOT (kind <=> coalesce(kind, 'unknown')));

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
