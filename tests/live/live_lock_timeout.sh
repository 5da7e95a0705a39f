#!/usr/bin/env bash
# Lock waits: another session holds a lock on users. `upgrade` waits for it
# without queuing until --lock-deadline, then fails with exit 3 and nothing
# half-applied; when the lock is released in time, it succeeds. A lock wait
# the runner cannot see beforehand (a concurrent build waiting for a writer's
# transaction) hits lock_timeout (200ms) and is retried with backoff, within
# the deadline too.
source "$(dirname "$0")/lib.sh"

proj=$(copy_project)
db=$(new_db)
export MIGRAC_URL=$(url_for "$db")
m() { "$MIGRAC" "$@" --dir "$proj"; }
expect_rc 0 m upgrade 0001 -q

# hold_lock SECONDS: a session holding ACCESS SHARE on users (which blocks the
# ACCESS EXCLUSIVE of 0002's ALTER TABLE) for SECONDS.
hold_lock() {
  psql "$MIGRAC_URL" -X -q -c "BEGIN; LOCK TABLE users IN ACCESS SHARE MODE; SELECT pg_sleep($1); COMMIT;" >/dev/null &
  BACKGROUND+=($!)
  until [ "$(sql "$db" "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE $HERE_LOCKS AND c.relname = 'users' AND l.mode = 'AccessShareLock' AND l.granted AND l.pid <> pg_backend_pid()")" == 1 ]; do
    sleep 0.05
  done
}

step "the lock is held longer than the deadline: exit 3, nothing half-applied"
hold_lock 6
expect_rc 3 m upgrade head --lock-timeout 200ms --retries 2 --lock-deadline 1500ms
err_has "segment 1 of '0002_add_phone_number_to_users' waits without queuing for ACCESS EXCLUSIVE on 'users'"
err_has "lock deadline (1.50 s) passed while pid"
err_has "migration '0002_add_phone_number_to_users' failed in segment 1/1 (transaction)"
err_has "0002_add_phone_number_to_users.mig:"
err_has "nothing of this segment is applied"
column_exists "$db" users phone_number && fail "0002 half-applied: users.phone_number exists"
equals "$(sql "$db" "SELECT string_agg(id, ',') FROM migrac_history")" "0001_create_users_and_orders" "history after the failure"
wait

step "the lock is released before the deadline: the upgrade succeeds"
hold_lock 1.2
expect_rc 0 m upgrade head --lock-timeout 200ms --retries 5
err_has "waits without queuing for ACCESS EXCLUSIVE on 'users'"
err_has "no conflicting lock after"
check_head_schema "$db"

step "a lock timeout inside a concurrent index build: INVALID index dropped, build retried"
db=$(new_db)
export MIGRAC_URL=$(url_for "$db")
expect_rc 0 m upgrade 0002 -q
# A writer's open transaction: CREATE INDEX CONCURRENTLY creates the index,
# then waits for it, times out and leaves the index INVALID.
psql "$MIGRAC_URL" -X -q -c "BEGIN; UPDATE users SET bio = bio; SELECT pg_sleep(1.2); COMMIT;" >/dev/null &
BACKGROUND+=($!)
until [ "$(sql "$db" "SELECT count(*) FROM pg_stat_activity a WHERE a.query LIKE '%pg_sleep(1.2)%' AND a.pid <> pg_backend_pid() AND $HERE_SESSIONS")" == 1 ]; do sleep 0.05; done
expect_rc 0 m upgrade head --lock-timeout 200ms --retries 5
err_has "lock timeout in segment 1 of '0003_index_users_phone_number'"
check_head_schema "$db"
wait

step "retries of a concurrent build stop at the deadline"
db=$(new_db)
export MIGRAC_URL=$(url_for "$db")
expect_rc 0 m upgrade 0002 -q
psql "$MIGRAC_URL" -X -q -c "BEGIN; UPDATE users SET bio = bio; SELECT pg_sleep(8); COMMIT;" >/dev/null 2>&1 &
BACKGROUND+=($!)
until [ "$(sql "$db" "SELECT count(*) FROM pg_stat_activity a WHERE a.query LIKE '%pg_sleep(8)%' AND a.pid <> pg_backend_pid() AND $HERE_SESSIONS")" == 1 ]; do sleep 0.05; done
t0=$(date +%s)
expect_rc 3 m upgrade 0003 --lock-timeout 200ms --retries 5 --lock-deadline 1s
took=$(( $(date +%s) - t0 ))
[ $took -le 5 ] || fail "the deadline of 1 s took ${took} s"
err_has "retry 1 of 5 in 500 ms"
grep -qF "retry 2 of 5" "$WORK/err" && fail "retried past the deadline"
err_has "migration '0003_index_users_phone_number' failed in segment 1/1 (no transaction)"
err_has "canceling statement due to lock timeout"
sql "$db" "SELECT pg_cancel_backend(a.pid) FROM pg_stat_activity a WHERE a.query LIKE '%pg_sleep(8)%' AND a.pid <> pg_backend_pid() AND $HERE_SESSIONS" >/dev/null
wait
expect_rc 0 m upgrade head -q
check_head_schema "$db"

echo "ok: live_lock_timeout"
