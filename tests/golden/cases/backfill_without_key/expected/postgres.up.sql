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
-- migrac upgrade walks the table's blocks instead, about 10000 rows' worth a batch, from the block after the last done ($1):
--   bound:  SELECT $1::bigint + CASE WHEN c.reltuples > 0 AND c.relpages > 0 THEN greatest(1, ceil(10000 * c.relpages / c.reltuples))::bigint ELSE 200 END FROM pg_class c WHERE c.oid = 'events'::regclass AND $1::bigint < pg_relation_size(c.oid) / current_setting('block_size')::bigint
--   update: UPDATE events SET seen = FALSE, kind = coalesce(kind, 'unknown') WHERE ctid >= format('(%s,0)', $1::bigint)::tid AND ctid < format('(%s,0)', $2::bigint)::tid AND (seen IS DISTINCT FROM FALSE OR kind IS DISTINCT FROM coalesce(kind, 'unknown'))
--   rows:   SELECT CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint END FROM pg_class c WHERE c.oid = 'events'::regclass
DO $migrac$
#variable_conflict use_column
DECLARE
  migrac_lo bigint := 0;
  migrac_hi bigint;
BEGIN
  LOOP
    SELECT migrac_lo + CASE WHEN c.reltuples > 0 AND c.relpages > 0 THEN greatest(1, ceil(10000 * c.relpages / c.reltuples))::bigint ELSE 200 END INTO migrac_hi FROM pg_class c WHERE c.oid = 'events'::regclass AND migrac_lo < pg_relation_size(c.oid) / current_setting('block_size')::bigint;
    EXIT WHEN NOT FOUND;
    UPDATE events SET seen = FALSE, kind = coalesce(kind, 'unknown') WHERE ctid >= format('(%s,0)', migrac_lo)::tid AND ctid < format('(%s,0)', migrac_hi)::tid AND (seen IS DISTINCT FROM FALSE OR kind IS DISTINCT FROM coalesce(kind, 'unknown'));
    COMMIT;
    migrac_lo := migrac_hi;
  END LOOP;
END
$migrac$;

-- setting: back to the session default
RESET lock_timeout;
--- exit 0
