-- migrac downgrade script for sqlite: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_kind2 (downgrade)
-- file: backfill_pause/0002_kind2.mig
-- after: 0001_events
-- reversible: yes
-- ---------------------------------------------------------------------------

-- (no statements)
-- ---------------------------------------------------------------------------
-- migration: 0001_events (downgrade)
-- file: backfill_pause/0001_events.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- lock: WRITE (the whole database) on events | rewrites: no | scans: no | backfill_pause/0001_events.mig:1
DROP TABLE events;

COMMIT;
--- exit 0
