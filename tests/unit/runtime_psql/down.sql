-- migrac psql script: downgrade 2 migrations, 0003_merge .. 0002_phone
-- Apply with: psql -v ON_ERROR_STOP=1 -f THIS_FILE
-- It stops at the first error; after fixing the cause, run it again: every
-- segment already recorded in the history table is skipped.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

-- One runner at a time: the advisory lock migrac itself takes.
\echo 'migrac: taking the migration lock'
SELECT pg_advisory_lock(3561871302603041714) AS migrac_locked \gset

-- The history table ops.migrac_history, created if missing.
CREATE SCHEMA IF NOT EXISTS ops;
CREATE TABLE IF NOT EXISTS ops.migrac_history (
  id              text PRIMARY KEY,
  checksum        text NOT NULL,
  parents         text NOT NULL DEFAULT '',
  segments_done   integer NOT NULL DEFAULT 0,
  segments_total  integer NOT NULL,
  down_done       integer NOT NULL DEFAULT 0,
  segment_started integer NOT NULL DEFAULT 0,
  applied_at      timestamptz NOT NULL DEFAULT now(),
  duration_ms     bigint NOT NULL DEFAULT 0,
  applied_by      text NOT NULL DEFAULT current_user,
  method          text NOT NULL DEFAULT 'run'
);

-- The database must be at the revision this script starts from.
DO $migrac$
DECLARE
  bad text;
BEGIN
  SELECT string_agg(h.id, ', ') INTO bad FROM ops.migrac_history h WHERE h.id NOT IN (
      '0003_merge',
      '0002_phone')
    AND EXISTS (SELECT 1 FROM unnest(string_to_array(h.parents, ',')) AS p(id) WHERE p.id IN (
      '0003_merge',
      '0002_phone'));
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'migrac: applied migrations depend on what this script reverts: %', bad;
  END IF;
  SELECT string_agg(id, ', ') INTO bad FROM ops.migrac_history WHERE segments_done < segments_total AND id IN (
      '0003_merge',
      '0002_phone');
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'migrac: partly applied, finish the upgrade first: %', bad;
  END IF;
  SELECT string_agg(h.id, ', ') INTO bad FROM ops.migrac_history h JOIN (VALUES
      ('0003_merge', 'v1:def'),
      ('0002_phone', 'v1:abc')) AS f(id, checksum)
    ON f.id = h.id WHERE h.checksum <> f.checksum;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'migrac: edited after it was applied (checksum differs): %', bad;
  END IF;
END
$migrac$;

-- Whether a run before this one did everything already.
SELECT NOT EXISTS (SELECT 1 FROM ops.migrac_history WHERE id IN (
      '0003_merge',
      '0002_phone')) AS migrac_nothing \gset

-- ============================================================
-- revert 0003_merge
-- parents: 0002_phone,0002_other
-- checksum: v1:def
\echo 'migrac: revert 0003_merge (nothing to run)'
DELETE FROM ops.migrac_history WHERE id = '0003_merge';

-- ============================================================
-- revert 0002_phone
-- file: migrations/0002_phone.mig
-- parents: 0001_init
-- checksum: v1:abc

-- down segment 1/2: no transaction (autocommit), recorded after it succeeds
SELECT EXISTS (SELECT 1 FROM ops.migrac_history WHERE id = '0002_phone' AND segments_done >= segments_total AND down_done < 1) AS migrac_run \gset
\if :migrac_run
\echo 'migrac: revert 0002_phone segment 1/2'
SELECT clock_timestamp() AS migrac_t0 \gset
UPDATE ops.migrac_history SET segment_started = 1 WHERE id = '0002_phone';
DROP INDEX CONCURRENTLY IF EXISTS ix_users_phone;
UPDATE ops.migrac_history SET down_done = 1, segment_started = 0, duration_ms = duration_ms + (extract(epoch FROM clock_timestamp() - :'migrac_t0'::timestamptz) * 1000)::bigint WHERE id = '0002_phone';
\endif

-- down segment 2/2: one transaction, recorded in it
SELECT EXISTS (SELECT 1 FROM ops.migrac_history WHERE id = '0002_phone' AND segments_done >= segments_total AND down_done < 2) AS migrac_run \gset
\if :migrac_run
\echo 'migrac: revert 0002_phone segment 2/2'
SELECT clock_timestamp() AS migrac_t0 \gset
BEGIN;
ALTER TABLE users DROP COLUMN phone;
DELETE FROM ops.migrac_history WHERE id = '0002_phone';
COMMIT;
\endif

\if :migrac_nothing
\echo 'migrac: nothing to do: none of the 2 migrations are applied'
\else
\echo 'migrac: done: 2 migrations reverted'
\endif
