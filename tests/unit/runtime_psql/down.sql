-- migrac psql script: downgrade 2 migrations, 0003_merge .. 0002_phone
-- Apply with: psql -v ON_ERROR_STOP=1 -f THIS_FILE
-- It stops at the first error; after fixing the cause, run it again: every
-- segment already recorded in the history table is skipped.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

-- One runner at a time: the advisory lock migrac itself takes, asked for
-- without waiting in the lock queue: pg_try_advisory_lock every 200 ms, each
-- try in a transaction of its own. A run killed during a concurrent index
-- build leaves the build running, and its session holding the lock, until
-- the server notices the client is gone; a pg_advisory_lock waiting for that
-- session and the build waiting for the waiter's transaction would deadlock.
-- While the lock is held it names the holder (pid, statement, since when)
-- and waits up to migrac_lock_wait seconds (psql -v migrac_lock_wait=N;
-- 60 by default), then stops with how to end the holder. The server is
-- asked to notice a lost client within a second (PostgreSQL 14+), so that
-- the statement of a killed run does not go on for long.
\if :{?migrac_lock_wait}
\else
\set migrac_lock_wait 60
\endif
SELECT set_config('migrac.lock_wait', :'migrac_lock_wait', false) AS migrac_lock_wait \gset
DO $migrac$
BEGIN
  PERFORM set_config('client_connection_check_interval', '1s', false);
EXCEPTION WHEN OTHERS THEN
  NULL;  -- before PostgreSQL 14, or a server that cannot check
END
$migrac$;
\echo 'migrac: taking the migration lock'
DO $migrac$
DECLARE
  wait_s numeric := current_setting('migrac.lock_wait')::numeric;
  t0 timestamptz := clock_timestamp();
  h record;
  shown text := '';
BEGIN
  LOOP
    EXIT WHEN pg_try_advisory_lock(3561871302603041714);
    SELECT a.pid, coalesce(a.state, '?') AS state, coalesce(a.application_name, '') AS app,
           to_char(CASE WHEN a.state = 'active' THEN a.query_start ELSE a.state_change END,
                   'YYYY-MM-DD HH24:MI:SS TZ') AS since,
           round(extract(epoch FROM clock_timestamp() - CASE WHEN a.state = 'active'
                 THEN a.query_start ELSE a.state_change END)::numeric, 1) AS secs,
           left(regexp_replace(regexp_replace(coalesce(a.query, ''), '^(\s*--[^\n]*\n)*\s*', ''),
                '\s+', ' ', 'g'), 160) AS query
      INTO h FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
        AND l.classid = 829312787 AND l.objid = 4283427762
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
    IF FOUND AND shown IS DISTINCT FROM h.pid || ' ' || h.state THEN
      shown := h.pid || ' ' || h.state;
      IF h.state = 'active' THEN
        RAISE WARNING 'migrac: the migration lock is held by pid %, still running a statement since % (% s): %',
          h.pid, h.since, h.secs, h.query
          USING HINT = format('a killed run''s statement goes on until the server notices; waiting up to %s s for it '
                              '(SELECT pg_terminate_backend(%s) ends it)', wait_s, h.pid);
      ELSE
        RAISE WARNING 'migrac: another runner holds the migration lock: pid % (application ''%'', %, since %); waiting up to % s',
          h.pid, h.app, h.state, h.since, wait_s;
      END IF;
    END IF;
    IF clock_timestamp() - t0 > wait_s * interval '1 second' THEN
      IF h.pid IS NULL THEN
        RAISE EXCEPTION 'migrac: gave up waiting for the migration lock after % s', wait_s;
      END IF;
      RAISE EXCEPTION 'migrac: the migration lock is still held after % s by pid % (%, since %: %)',
        wait_s, h.pid, h.state, h.since, h.query
        USING HINT = format('wait for it to end and run the script again, or end it with SELECT '
                            'pg_terminate_backend(%s); wait longer with psql -v migrac_lock_wait=SECONDS',
                            h.pid);
    END IF;
    COMMIT;
    PERFORM pg_sleep(0.2);
    COMMIT;
  END LOOP;
END
$migrac$;

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
