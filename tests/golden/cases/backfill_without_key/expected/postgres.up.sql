-- migrac upgrade script for postgres: 2 migrations
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
  kind text,
  payload jsonb,
  seen boolean
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_fill
-- file: backfill_without_key/0002_fill.mig
-- after: 0001_events
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- backfill: in batches, each committed, until no row is left | lock: ROW EXCLUSIVE on events | rewrites: no | scans: yes | backfill_without_key/0002_fill.mig:4
DO $migrac$
#variable_conflict use_column
DECLARE
  migrac_rows bigint;
BEGIN
  LOOP
    UPDATE events SET seen = FALSE, kind = coalesce(kind, 'unknown') WHERE ctid = ANY (ARRAY(SELECT ctid FROM events WHERE (seen IS DISTINCT FROM FALSE OR kind IS DISTINCT FROM coalesce(kind, 'unknown')) LIMIT 10000));
    GET DIAGNOSTICS migrac_rows = ROW_COUNT;
    COMMIT;
    EXIT WHEN migrac_rows = 0;
  END LOOP;
END
$migrac$;

-- setting: back to the session default
RESET lock_timeout;
--- exit 0
