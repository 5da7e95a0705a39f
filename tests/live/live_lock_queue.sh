#!/usr/bin/env bash
# No lock queue: a session holds ACCESS SHARE on users in an open transaction.
# `upgrade` of 0002 (ALTER TABLE users: ACCESS EXCLUSIVE) waits without
# entering the lock queue, so another session's INSERT into users during the
# wait completes at once; stderr names the blocker's pid; the upgrade applies
# 0002 once the blocker commits. With --lock-deadline 2s and a blocker that
# never ends: exit 3, nothing applied, the message names the blocker's pid.
source "$(dirname "$0")/lib.sh"

proj=$(copy_project)
db=$(new_db)
export MIGRAC_URL=$(url_for "$db")
m() { "$MIGRAC" "$@" --dir "$proj"; }
expect_rc 0 m upgrade 0001 -q

# hold_access_share SECONDS TAG: a session that reads users in a transaction
# and keeps it open for SECONDS; prints its backend pid once it holds the lock.
hold_access_share() {
  psql "$MIGRAC_URL" -X -q -c "BEGIN; SELECT count(*) FROM users; SELECT pg_sleep($1) /* $2 */; COMMIT;" >/dev/null 2>&1 &
  BACKGROUND+=($!)
  local pid=""
  until [ -n "$pid" ]; do
    pid=$(sql "$db" "SELECT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid JOIN pg_class c ON c.oid = l.relation WHERE $HERE_LOCKS AND a.query LIKE '%/* $2 */%' AND c.relname = 'users' AND l.mode = 'AccessShareLock' AND l.granted AND a.pid <> pg_backend_pid()")
    [ -n "$pid" ] || sleep 0.05
  done
  echo "$pid"
}
alive() { [ "$(sql "$db" "SELECT count(*) FROM pg_stat_activity WHERE pid = $1")" == 1 ]; }

step "a blocker that commits after 4 s: the upgrade waits without queuing, writers are not blocked"
blocker=$(hold_access_share 4 blocker_one)
"$MIGRAC" upgrade 0002 --dir "$proj" --lock-timeout 5s >"$WORK/up.out" 2>"$WORK/up.err" &
upgrade=$!
BACKGROUND+=($upgrade)
# wait until the runner reports the blocker
for _ in $(seq 100); do grep -q "waits without queuing" "$WORK/up.err" && break; sleep 0.05; done
grep -qF "pid $blocker " "$WORK/up.err" || { cat "$WORK/up.err"; fail "stderr does not name the blocker's pid $blocker"; }
grep -qF "waits without queuing for ACCESS EXCLUSIVE on 'users'" "$WORK/up.err" || { cat "$WORK/up.err"; fail "no wait reported"; }
grep -qF "holds AccessShareLock" "$WORK/up.err" || { cat "$WORK/up.err"; fail "the blocker's mode is not named"; }
# No ALTER of ours waits in the lock queue of users:
equals "$(sql "$db" "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE $HERE_LOCKS AND c.relname = 'users' AND NOT l.granted")" 0 "waiting lock requests on users"
t0=$(date +%s%N)
timeout 2 psql "$MIGRAC_URL" -X -q -v ON_ERROR_STOP=1 -c "INSERT INTO users (email, username, password_hash) VALUES ('w@example.com', 'writer', 'x')" \
  || fail "the INSERT during the wait did not complete within 2 s (it queued behind the migration)"
insert_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "INSERT during the wait: ${insert_ms} ms"
kill -0 "$upgrade" 2>/dev/null || { cat "$WORK/up.err"; fail "the upgrade did not wait for the blocker"; }
alive "$blocker" || fail "the blocker ended before the INSERT was checked"
column_exists "$db" users phone_number && fail "0002 applied while the blocker held its lock"
rc=0; wait "$upgrade" || rc=$?
[ $rc == 0 ] || { cat "$WORK/up.out" "$WORK/up.err"; fail "the upgrade failed after the blocker committed (exit $rc)"; }
cat "$WORK/up.err"
grep -qF "no conflicting lock after" "$WORK/up.err" || { cat "$WORK/up.err"; fail "the end of the wait is not reported"; }
column_exists "$db" users phone_number || fail "0002 not applied"
equals "$(sql "$db" "SELECT string_agg(id, ',' ORDER BY id) FROM migrac_history")" "0001_create_users_and_orders,0002_add_phone_number_to_users" "history after the wait"
equals "$(sql "$db" "SELECT count(*) FROM users WHERE username = 'writer'")" 1 "the writer's row"
wait

step "a blocker that never ends and --lock-deadline 2s: exit 3, nothing applied, the pid named"
db=$(new_db)
export MIGRAC_URL=$(url_for "$db")
expect_rc 0 m upgrade 0001 -q
before=$(catalog_dump "$db")
blocker=$(hold_access_share 600 blocker_two)
t0=$(date +%s)
expect_rc 3 m upgrade 0002 --lock-deadline 2s
cat "$WORK/err"
took=$(( $(date +%s) - t0 ))
[ $took -le 10 ] || fail "the deadline of 2 s took ${took} s"
err_has "lock deadline (2.00 s) passed while pid $blocker holds AccessShareLock on 'users'"
err_has "pg_terminate_backend($blocker)"
err_has "migration '0002_add_phone_number_to_users' failed in segment 1/1 (transaction)"
err_has "nothing of this segment is applied"
equals "$(catalog_dump "$db")" "$before" "schema and history after the deadline"
equals "$(invalid_indexes "$db")" 0 "invalid indexes"
sql "$db" "SELECT pg_terminate_backend($blocker)" >/dev/null

step "the blocker gone: the rerun applies the rest"
expect_rc 0 m upgrade head -q
check_head_schema "$db"

echo "ok: live_lock_queue"
