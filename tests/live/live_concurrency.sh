#!/usr/bin/env bash
# Concurrency: 8 `migrac upgrade head` started together on one database. The
# advisory lock lets one runner apply; the others wait and find nothing left
# to do. Every migration is applied exactly once, and every process exits 0
# or says clearly that another runner holds the lock.
source "$(dirname "$0")/lib.sh"

proj=$(copy_project)
db=$(new_db)
export MIGRAC_URL=$(url_for "$db")

step "8 runners at once"
pids=()
for i in $(seq 1 8); do
  "$MIGRAC" upgrade head --dir "$proj" >"$WORK/run$i.out" 2>"$WORK/run$i.err" &
  pids+=($!)
done
applied=0
for i in $(seq 1 8); do
  rc=0
  wait "${pids[$((i - 1))]}" || rc=$?
  if [ "$rc" != 0 ] && ! grep -q "another runner" "$WORK/run$i.err"; then
    cat "$WORK/run$i.out" "$WORK/run$i.err"
    fail "runner $i exited $rc without the 'another runner' message"
  fi
  n=$(grep -c '^apply  ' "$WORK/run$i.out" || true)
  applied=$((applied + n))
  echo "runner $i: exit $rc, applied $n migration(s)$(grep -q 'another runner' "$WORK/run$i.err" && echo ', waited for another runner')"
done

step "each migration applied exactly once"
equals "$applied" "$N_MIGRATIONS" "migrations applied over all runners"
check_head_schema "$db"
equals "$(sql "$db" "SELECT count(DISTINCT id) FROM migrac_history")" "$N_MIGRATIONS" "distinct history ids"
grep -l "another runner" "$WORK"/run*.err >/dev/null || fail "no runner reported waiting for another one"

step "a runner that cannot wait long enough gives up with exit 3"
psql "$MIGRAC_URL" -X -q -c "SELECT pg_advisory_lock($(grep -o 'pg_try_advisory_lock([0-9-]*' <("$MIGRAC" upgrade head --sql --dir "$proj") | head -1 | tr -dc '0-9-')), pg_sleep(3)" >/dev/null &
BACKGROUND+=($!)
until [ "$(sql "$db" "SELECT count(*) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND $HERE_LOCKS")" == 1 ]; do sleep 0.05; done
expect_rc 3 "$MIGRAC" upgrade head --dir "$proj" --lock-wait 500ms
err_has "another runner is applying migrations to this database"
err_has "gave up waiting after 0.5 s"
wait

echo "ok: live_concurrency"
