#!/usr/bin/env bash
# Crash safety: `migrac upgrade head` killed with SIGKILL at many points, then
# rerun, reaches head with one history row per migration, no INVALID index,
# and the same catalog as an uninterrupted run.
#
# The kill comes from the runner's test hook (runtime/runner/kill_points.h):
# MIGRAC_TEST_KILL_AT_LABEL names a point (before/after each statement, after a
# statement is sent and before its result, before/after each commit and history
# update, between backfill batches, before/after a transaction sent in one
# round trip); MIGRAC_TEST_KILL_DELAY_MS lets the server get inside the
# statement first. The database starts at 0002 with 12,000
# users, so the display_name backfill of 0010 runs 3 batches and the
# concurrent index builds have rows to index. For the kills inside a
# concurrent index build, a second session holds an old snapshot, so the
# build is still waiting when the runner dies: the server cancels it and
# leaves an INVALID index, which the rerun must drop and rebuild.
source "$(dirname "$0")/lib.sh"

proj=$(copy_project)
m() { "$MIGRAC" "$@" --dir "$proj"; }

step "template: the project at 0002 with 12,000 users"
tmpl=$(new_db)
MIGRAC_URL=$(url_for "$tmpl") expect_rc 0 m upgrade 0002 -q
sql "$tmpl" "INSERT INTO users (email, username, password_hash, full_name, phone_number)
  SELECT 'u' || g || '@example.org', 'user' || g, 'h', CASE WHEN g % 2 = 0 THEN 'Name ' || g END,
         CASE WHEN g % 3 = 0 THEN '555' || g END FROM generate_series(1, 12000) g" >/dev/null

step "reference: an uninterrupted run, listing the kill points"
ref=$(new_db "$tmpl")
MIGRAC_URL=$(url_for "$ref") MIGRAC_TEST_POINTS="$WORK/points" expect_rc 0 m upgrade head -q
check_head_schema "$ref"
catalog_dump "$ref" > "$WORK/ref.dump"
total=$(wc -l < "$WORK/points")
[ "$total" -ge 60 ] || fail "only $total kill points in a full run"

# kill_and_resume NAME LABEL [DELAY_MS] [PREP_TARGET] [HOLD_SNAPSHOT]
checked=0
invalid_seen=0
kill_and_resume() {
  local name=$1 label=$2 delay=${3:-0} prep=${4:-} hold=${5:-}
  local db rc=0
  db=$(new_db "$tmpl")
  export MIGRAC_URL=$(url_for "$db")
  [ -n "$prep" ] && expect_rc 0 m upgrade "$prep" -q
  if [ -n "$hold" ]; then
    psql "$MIGRAC_URL" -X -q -c "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1; SELECT pg_sleep(2); COMMIT" >/dev/null &
    BACKGROUND+=($!)
    until [ "$(sql "$db" "SELECT count(*) FROM pg_stat_activity a WHERE a.query LIKE '%pg_sleep(2)%' AND a.pid <> pg_backend_pid() AND $HERE_SESSIONS")" == 1 ]; do sleep 0.05; done
  fi
  MIGRAC_TEST_KILL_AT_LABEL="$label" MIGRAC_TEST_KILL_DELAY_MS=$delay m upgrade head -q >"$WORK/killed.out" 2>&1 || rc=$?
  [ "$rc" == 137 ] || { cat "$WORK/killed.out"; fail "$name: expected SIGKILL (137) at '$label', got $rc"; }
  local invalid
  invalid=$(invalid_indexes "$db")
  [ -n "$hold" ] && [ "$invalid" -ge 1 ] && invalid_seen=$((invalid_seen + 1))
  expect_rc 0 m upgrade head
  [ -n "$hold" ] && wait
  check_head_schema "$db"
  catalog_dump "$db" > "$WORK/run.dump"
  diff -u "$WORK/ref.dump" "$WORK/run.dump" > "$WORK/diff" || { cat "$WORK/diff"; fail "$name: catalog differs from the uninterrupted run"; }
  admin_sql "DROP DATABASE $db WITH (FORCE)" >/dev/null
  checked=$((checked + 1))
  local extra=""
  [ "$delay" != 0 ] && extra+=" +${delay} ms"
  [ "$invalid" != 0 ] && extra+=", $invalid INVALID index left"
  echo "ok $checked: $name: killed at '$label'$extra"
}

step "kills spread evenly over the run"
for i in $(seq 1 20); do
  line=$(( (i * total - total / 2) / 20 ))
  label=$(sed -n "${line}p" "$WORK/points" | cut -d' ' -f2-)
  kill_and_resume "point $line of $total" "$label"
done

step "kills while the server runs a statement"
kill_and_resume "inside a transaction sent in one round trip" "0008_add_tags up seg 1/1 tx: sent batch" 2
kill_and_resume "inside a backfill batch" "0010_expand_users_display_name up seg 2/2 autocommit: sent stmt 2 batch 2" 20
kill_and_resume "between backfill batches" "0010_expand_users_display_name up seg 2/2 autocommit: after stmt 2 batch 2"
kill_and_resume "after a concurrent build, before it is recorded" "0003_index_users_phone_number up seg 1/1 autocommit: after stmt 3"

step "kills inside concurrent index builds (INVALID index left behind)"
kill_and_resume "inside CREATE INDEX CONCURRENTLY of 0003" "0003_index_users_phone_number up seg 1/1 autocommit: sent stmt 3" 300 "" hold
kill_and_resume "inside CREATE UNIQUE INDEX CONCURRENTLY of 0007" "0007_enforce_article_slug up seg 4/5 autocommit: sent stmt 3" 300 0006 hold
kill_and_resume "inside CREATE INDEX CONCURRENTLY of 0011" "0011_require_users_display_name up seg 4/4 autocommit: sent stmt 3" 300 0010 hold
[ "$invalid_seen" -ge 1 ] || fail "no kill inside a concurrent build left an INVALID index: the recovery path was not exercised"

echo "ok: live_crash_safety: $checked kills, each resumed to the reference catalog ($invalid_seen with an INVALID index recovered)"
