#!/usr/bin/env bash
# The psql script killed and rerun at once: `psql -f` of a compiled script
# (two concurrent index builds and a backfill on 200,000 rows) is sent
# SIGKILL at 20 points spread over an uninterrupted run's duration, and each
# time run again at once. The server goes on with the killed session's
# statement for a moment, and that session holds the migration lock: the
# rerun waits for it without entering the lock queue (where it would
# deadlock with a concurrent build), naming it, then reaches the schema of
# the uninterrupted run, one history row per migration, every row
# backfilled. A rerun that gives up waiting (exit 3, with how to end the
# holder) is followed by one more, which must finish. Last, a holder that
# never ends: the script stops after migrac_lock_wait seconds and names it.
source "$(dirname "$0")/lib.sh"

proj="$WORK/project"
mkdir -p "$proj"
cat >"$proj/0001_events.mig" <<'MIG'
create table events (
  id     bigint identity primary key,
  kind   text not null,
  kind2  text
);
MIG
cat >"$proj/0002_index_kind.mig" <<'MIG'
after 0001_events;
create index ix_events_kind on events (kind);
MIG
cat >"$proj/0003_kind2.mig" <<'MIG'
after 0002_index_kind;
backfill events set kind2 = upper(kind) where kind2 is null batch 20000;
create index ix_events_kind2 on events (kind2, id);
MIG
m() { "$MIGRAC" "$@" --dir "$proj"; }
rows=200000
migrations=3

step "template: 0001 applied, $rows rows"
tmpl=$(new_db)
MIGRAC_URL=$(url_for "$tmpl") expect_rc 0 m upgrade 0001_events -q
sql "$tmpl" "INSERT INTO events (kind) SELECT 'kind ' || (g % 1000) FROM generate_series(1, $rows) g" >/dev/null
sql "$tmpl" "VACUUM ANALYZE events" >/dev/null
expect_rc 0 m sql 0001_events:head --format psql
cp "$WORK/out" "$WORK/script.sql"
grep -q "pg_try_advisory_lock" "$WORK/script.sql" || fail "the script does not poll for the migration lock"
grep -q "pg_advisory_lock(" "$WORK/script.sql" && fail "the script waits in the lock queue (pg_advisory_lock)"

run_script() { psql "$(url_for "$1")" -X -q -v ON_ERROR_STOP=1 -v migrac_lock_wait="${2:-60}" -f "$WORK/script.sql"; }
facts() {
  sql "$1" "SELECT (SELECT count(*) FROM events WHERE kind2 IS DISTINCT FROM upper(kind)) || ' not backfilled, ' ||
    (SELECT count(*) FROM migrac_history) || ' history rows, ' ||
    (SELECT count(*) FROM migrac_history WHERE segments_done = segments_total AND down_done = 0 AND segment_started = 0) || ' complete, ' ||
    (SELECT count(*) FROM pg_index WHERE NOT indisvalid) || ' invalid indexes'"
}
want_facts="0 not backfilled, $migrations history rows, $migrations complete, 0 invalid indexes"

step "reference: an uninterrupted run"
ref=$(new_db "$tmpl")
t0=$(date +%s%N)
expect_rc 0 run_script "$ref"
total_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "uninterrupted run: $total_ms ms"
equals "$(facts "$ref")" "$want_facts" "after the uninterrupted run"
catalog_dump "$ref" >"$WORK/ref.dump"

step "20 kills, each rerun at once"
waited=0 gave_up=0
for i in $(seq 1 20); do
  db=$(new_db "$tmpl")
  delay_ms=$(( total_ms * (2 * i - 1) / 40 ))
  run_script "$db" >"$WORK/killed.out" 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rc=0
  run_script "$db" >"$WORK/rerun.out" 2>"$WORK/rerun.err" || rc=$?
  grep -qi "deadlock" "$WORK/rerun.err" && { cat "$WORK/rerun.err"; fail "kill $i (${delay_ms} ms): the rerun hit a deadlock"; }
  grep -qF "still running a statement since" "$WORK/rerun.err" && waited=$((waited + 1))
  if [ "$rc" != 0 ]; then
    # It gave up waiting for the killed run's statement: the hint says how to
    # end it, and the next rerun finishes.
    grep -qF "pg_terminate_backend(" "$WORK/rerun.err" || { cat "$WORK/rerun.err"; fail "kill $i: the rerun failed (exit $rc)"; }
    gave_up=$((gave_up + 1))
    rc=0
    run_script "$db" >"$WORK/rerun.out" 2>"$WORK/rerun.err" || rc=$?
    [ "$rc" == 0 ] || { cat "$WORK/rerun.err"; fail "kill $i: the second rerun failed (exit $rc)"; }
  fi
  equals "$(facts "$db")" "$want_facts" "kill $i (${delay_ms} ms)"
  catalog_dump "$db" >"$WORK/run.dump"
  diff -u "$WORK/ref.dump" "$WORK/run.dump" >"$WORK/diff" || { cat "$WORK/diff"; fail "kill $i (${delay_ms} ms): the schema differs from the uninterrupted run"; }
  admin_sql "DROP DATABASE $db WITH (FORCE)" >/dev/null
done
echo "reruns that waited for a killed run's statement: $waited; gave up and ran once more: $gave_up"
[ "$waited" -ge 1 ] || fail "no rerun found the killed run's statement still running: the kills missed the long statements"

step "a holder that does not end: the script stops after migrac_lock_wait and names it"
db=$(new_db "$tmpl")
key=$(grep -o "pg_try_advisory_lock([0-9-]*)" "$WORK/script.sql" | head -1 | tr -dc '0-9-')
psql "$(url_for "$db")" -X -q -c "SELECT pg_advisory_lock($key), pg_sleep(30)" >/dev/null 2>&1 &
holder=$!
BACKGROUND+=("$holder")
until [ "$(sql "$db" "SELECT count(*) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND $HERE_LOCKS")" == 1 ]; do sleep 0.05; done
hpid=$(sql "$db" "SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND $HERE_LOCKS")
expect_rc 3 run_script "$db" 1
err_has "the migration lock is held by pid $hpid, still running a statement since"
err_has "the migration lock is still held after 1 s by pid $hpid"
err_has "pg_terminate_backend($hpid)"
equals "$(history_count "$db")" 1 "history rows after the script stopped (0001 only)"
sql "$db" "SELECT pg_terminate_backend($hpid)" >/dev/null
wait "$holder" 2>/dev/null || true
expect_rc 0 run_script "$db"
equals "$(facts "$db")" "$want_facts" "after the holder ended"

echo "ok: live_psql_kill"
