#!/usr/bin/env bash
# The progress of a long CREATE INDEX, read from pg_stat_progress_create_index
# on a second connection: a concurrent build held in its "waiting for old
# snapshots" phase by an open REPEATABLE READ transaction reports that phase
# (with the sessions it waits for) once it has run a second, the reader leaves
# no connection behind, and --quiet and --format json print no progress line.
source "$(dirname "$0")/lib.sh"

db=$(new_db)
url=$(url_for "$db")
proj=$WORK/p; mkdir -p "$proj"
cat >"$proj/0001_events.mig" <<'MIG'
create table events (id bigint identity primary key, kind text);
MIG
cat >"$proj/0002_index.mig" <<'MIG'
after 0001_events;
create index ix_events_kind on events (kind);
MIG
m() { "$MIGRAC" "$@" --dir "$proj" --url "$url"; }
expect_rc 0 m upgrade 0001_events
sql "$db" "INSERT INTO events (kind) SELECT 'k' || (g % 50) FROM generate_series(1, 50000) g"

# An open snapshot that a concurrent build must wait out (it holds no lock on events).
hold_snapshot() {
  psql "$url" -X -q -c "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM pg_class; SELECT pg_sleep($1); COMMIT;" >/dev/null &
  BACKGROUND+=($!)
  until [ "$(sql "$db" "SELECT count(*) FROM pg_stat_activity a WHERE a.query LIKE '%pg_sleep($1)%' AND a.pid <> pg_backend_pid() AND $HERE_SESSIONS")" == 1 ]; do sleep 0.05; done
}

step "a build that waits reports its phase once a second, one line per phase off a terminal"
hold_snapshot 3
expect_rc 0 m upgrade head
out_has "apply  0002_index"
out_has "  index build on events: waiting for old snapshots, 0 of "
grep "index build on events: waiting for old snapshots" "$WORK/out" | grep -qE " sessions \(0%\) \([0-9.]+ s so far\)$" \
  || fail "the phase line lacks its sessions or its time: $(cat "$WORK/out")"
equals "$(grep -c "index build on events: waiting for old snapshots" "$WORK/out")" 1 "lines for one phase off a terminal"
equals "$(sql "$db" "SELECT count(*) FROM pg_stat_activity a WHERE a.application_name = 'migrac progress' AND $HERE_SESSIONS")" 0 "progress connections left"
equals "$(sql "$db" "SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_events_kind'::regclass")" t "the index is valid"

step "--quiet and --format json print no progress"
expect_rc 0 m downgrade -1
hold_snapshot 2
expect_rc 0 m upgrade head -q
if grep -q "index build" "$WORK/out" "$WORK/err"; then fail "progress under --quiet"; fi
expect_rc 0 m downgrade -1
hold_snapshot 2
expect_rc 0 m upgrade head --format json
python3 -c "import json; json.load(open('$WORK/out'))" || fail "stdout is not one JSON document"
if grep -q "index build" "$WORK/out" "$WORK/err"; then fail "progress under --format json"; fi

step "a fast build prints no progress line"
expect_rc 0 m downgrade -1
expect_rc 0 m upgrade head
if grep -q "index build" "$WORK/out"; then fail "progress for a build under a second"; fi
echo "PASS"
