-- migrac upgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0001_events
-- file: backfill_pause/0001_events.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: none | rewrites: no | scans: no | backfill_pause/0001_events.mig:1
CREATE TABLE events (
  account_id bigint NOT NULL,
  seq integer NOT NULL,
  kind text NOT NULL,
  kind2 text,
  CONSTRAINT pk_events PRIMARY KEY (account_id, seq)
);

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0002_kind2
-- file: backfill_pause/0002_kind2.mig
-- after: 0001_events
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- backfill: in batches, each committed, until no row is left | lock: ROW EXCLUSIVE on events | rewrites: no | scans: yes | backfill_pause/0002_kind2.mig:4
-- migrac upgrade walks the key in ranges of 1000 instead, each batch after the last key done ($1..$2):
--   bound:  SELECT migrac_k1, migrac_k2 FROM (SELECT account_id AS migrac_k1, seq AS migrac_k2 FROM events WHERE (account_id, seq) > ($1, $2) ORDER BY account_id, seq LIMIT 1000) migrac_batch ORDER BY migrac_k1 DESC, migrac_k2 DESC LIMIT 1
--   update: UPDATE events SET kind2 = upper(kind) WHERE (account_id, seq) > ($1, $2) AND (account_id, seq) <= ($3, $4) AND kind2 IS NULL AND kind2 IS DISTINCT FROM upper(kind)
--   rows:   SELECT CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint END FROM pg_class c WHERE c.oid = 'events'::regclass
--   pause:  50ms between batches
DO $migrac$
#variable_conflict use_column
DECLARE
  migrac_started boolean := false;
  migrac_last_1 events.account_id%TYPE;
  migrac_next_1 events.account_id%TYPE;
  migrac_last_2 events.seq%TYPE;
  migrac_next_2 events.seq%TYPE;
BEGIN
  LOOP
    IF migrac_started THEN
      SELECT migrac_k1, migrac_k2 INTO migrac_next_1, migrac_next_2 FROM (SELECT account_id AS migrac_k1, seq AS migrac_k2 FROM events WHERE (account_id, seq) > (migrac_last_1, migrac_last_2) ORDER BY account_id, seq LIMIT 1000) migrac_batch ORDER BY migrac_k1 DESC, migrac_k2 DESC LIMIT 1;
    ELSE
      SELECT migrac_k1, migrac_k2 INTO migrac_next_1, migrac_next_2 FROM (SELECT account_id AS migrac_k1, seq AS migrac_k2 FROM events ORDER BY account_id, seq LIMIT 1000) migrac_batch ORDER BY migrac_k1 DESC, migrac_k2 DESC LIMIT 1;
    END IF;
    EXIT WHEN NOT FOUND;
    IF migrac_started THEN
      UPDATE events SET kind2 = upper(kind) WHERE (account_id, seq) > (migrac_last_1, migrac_last_2) AND (account_id, seq) <= (migrac_next_1, migrac_next_2) AND kind2 IS NULL AND kind2 IS DISTINCT FROM upper(kind);
    ELSE
      UPDATE events SET kind2 = upper(kind) WHERE (account_id, seq) <= (migrac_next_1, migrac_next_2) AND kind2 IS NULL AND kind2 IS DISTINCT FROM upper(kind);
    END IF;
    COMMIT;
    PERFORM pg_sleep(0.05);
    migrac_started := true;
    migrac_last_1 := migrac_next_1;
    migrac_last_2 := migrac_next_2;
  END LOOP;
END
$migrac$;

-- setting: back to the session default
RESET lock_timeout;
--- exit 0
