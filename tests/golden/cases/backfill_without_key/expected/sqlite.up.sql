-- migrac upgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_events
-- file: backfill_without_key/0001_events.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | backfill_without_key/0001_events.mig:1
CREATE TABLE events (
  kind TEXT,
  payload TEXT,
  seen INTEGER
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_fill
-- file: backfill_without_key/0002_fill.mig
-- after: 0001_events
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- backfill: in batches, each committed, until no row is left | lock: WRITE (the whole database) on events | rewrites: no | scans: yes | backfill_without_key/0002_fill.mig:4
-- migrac upgrade walks the key in ranges of 10000 instead, each batch after the last key done ($1):
--   bound:  SELECT migrac_k1 FROM (SELECT rowid AS migrac_k1 FROM events WHERE rowid > $1 ORDER BY rowid LIMIT 10000) migrac_batch ORDER BY migrac_k1 DESC LIMIT 1
--   update: UPDATE events SET seen = FALSE, kind = coalesce(kind, 'unknown') WHERE rowid > $1 AND rowid <= $2 AND (seen IS NOT FALSE OR kind IS NOT coalesce(kind, 'unknown'))
--   rows:   SELECT count(*) FROM events
-- the sqlite3 shell cannot repeat a batch: every row in one statement
UPDATE events SET seen = FALSE, kind = coalesce(kind, 'unknown') WHERE (seen IS NOT FALSE OR kind IS NOT coalesce(kind, 'unknown'));
--- exit 0
