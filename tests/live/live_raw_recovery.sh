#!/usr/bin/env bash
# A raw migration outside a transaction (`-- migrac:no-transaction`) whose
# CREATE UNIQUE INDEX CONCURRENTLY fails or is killed leaves an INVALID index:
# the failed run records nothing as applied, and the rerun drops the INVALID
# index and builds it again (as the .mig path does), instead of taking it for
# done. Checked in the catalog (pg_index.indisvalid) and the history table.
source "$(dirname "$0")/lib.sh"

# project NAME CREATE_STATEMENT: a table, then a raw migration with the build.
project() {
  local dir="$WORK/$1"
  mkdir -p "$dir"
  cat > "$dir/0001_items.mig" <<'MIG'
create table items (
  id    bigint identity primary key,
  code  text not null
);
MIG
  printf -- '-- migrac:after 0001_items\n-- migrac:no-transaction\n%s\n' "$2" > "$dir/0002_unique_code.up.sql"
  printf 'DROP INDEX CONCURRENTLY IF EXISTS ix_items_code;\n' > "$dir/0002_unique_code.down.sql"
  echo "$dir"
}
index_state() {
  sql "$1" "SELECT coalesce((SELECT i.indisvalid::text || ',' || i.indisunique::text FROM pg_index i
    WHERE i.indexrelid = to_regclass('ix_items_code')), 'none')"
}
row_of() {
  sql "$1" "SELECT count(*) || ' ' || coalesce(string_agg(segments_done || '/' || segments_total || ' started ' || segment_started, ','), '')
    FROM migrac_history WHERE id = '0002_unique_code'"
}

# fails_then_recovers NAME CREATE_STATEMENT
fails_then_recovers() {
  local name=$1 dir db
  dir=$(project "$name" "$2")
  db=$(new_db)
  export MIGRAC_URL=$(url_for "$db")
  step "$name: the unique build fails on duplicates"
  expect_rc 0 "$MIGRAC" upgrade 0001_items -q --dir "$dir"
  sql "$db" "INSERT INTO items (code) SELECT 'c' || (g % 500) FROM generate_series(1, 1000) g" >/dev/null
  local rc=0
  "$MIGRAC" upgrade head --dir "$dir" >"$WORK/out" 2>"$WORK/err" || rc=$?
  [ "$rc" != 0 ] || { cat "$WORK/out" "$WORK/err"; fail "$name: the build on duplicates succeeded"; }
  err_has "could not create unique index"
  equals "$(index_state "$db")" "false,true" "$name: the failed build's index"
  equals "$(row_of "$db")" "1 0/1 started 1" "$name: history row after the failure (started, not done)"
  equals "$(complete_count "$db")" 1 "$name: complete rows after the failure"

  step "$name: duplicates removed, the rerun rebuilds the index"
  sql "$db" "DELETE FROM items a USING items b WHERE a.code = b.code AND a.id > b.id" >/dev/null
  expect_rc 0 "$MIGRAC" upgrade head --dir "$dir"
  equals "$(index_state "$db")" "true,true" "$name: the index after the rerun"
  equals "$(invalid_indexes "$db")" 0 "$name: INVALID indexes after the rerun"
  equals "$(row_of "$db")" "1 1/1 started 0" "$name: history row after the rerun"
  equals "$(complete_count "$db")" 2 "$name: complete rows after the rerun"
  expect_rc 0 "$MIGRAC" upgrade head --dir "$dir" -q
  equals "$(history_count "$db")" 2 "$name: history rows after a third run"
}

fails_then_recovers "plain" "CREATE UNIQUE INDEX CONCURRENTLY ix_items_code ON items (code);"
fails_then_recovers "if-not-exists" "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_items_code ON items (code);"

step "killed: the runner dies inside the concurrent build (an old snapshot holds it)"
dir=$(project killed "CREATE UNIQUE INDEX CONCURRENTLY ix_items_code ON items (code);")
db=$(new_db)
export MIGRAC_URL=$(url_for "$db")
expect_rc 0 "$MIGRAC" upgrade 0001_items -q --dir "$dir"
sql "$db" "INSERT INTO items (code) SELECT 'c' || g FROM generate_series(1, 20000) g" >/dev/null
psql "$MIGRAC_URL" -X -q -c "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1; SELECT pg_sleep(2); COMMIT" >/dev/null &
BACKGROUND+=($!)
until [ "$(sql "$db" "SELECT count(*) FROM pg_stat_activity a WHERE a.query LIKE '%pg_sleep(2)%' AND a.pid <> pg_backend_pid() AND $HERE_SESSIONS")" == 1 ]; do sleep 0.05; done
rc=0
MIGRAC_TEST_KILL_AT_LABEL="0002_unique_code up seg 1/1 autocommit: sent stmt 3 (CREATE UNIQUE" MIGRAC_TEST_KILL_DELAY_MS=300 \
  "$MIGRAC" upgrade head -q --dir "$dir" >"$WORK/killed.out" 2>&1 || rc=$?
[ "$rc" == 137 ] || { cat "$WORK/killed.out"; fail "killed: expected SIGKILL (137), got $rc"; }
# The server notices the lost client and cancels the build, leaving the index INVALID.
for _ in $(seq 1 100); do
  [ "$(sql "$db" "SELECT count(*) FROM pg_stat_activity a WHERE a.query LIKE 'CREATE UNIQUE INDEX%' AND a.pid <> pg_backend_pid() AND $HERE_SESSIONS")" == 0 ] && break
  sleep 0.05
done
equals "$(index_state "$db")" "false,true" "killed: the interrupted build's index"
equals "$(row_of "$db")" "1 0/1 started 1" "killed: history row after the kill (started, not done)"
expect_rc 0 "$MIGRAC" upgrade head --dir "$dir"
wait
equals "$(index_state "$db")" "true,true" "killed: the index after the rerun"
equals "$(invalid_indexes "$db")" 0 "killed: INVALID indexes after the rerun"
equals "$(row_of "$db")" "1 1/1 started 0" "killed: history row after the rerun"
equals "$(complete_count "$db")" 2 "killed: complete rows after the rerun"

echo "ok: live_raw_recovery: failed and killed raw concurrent builds rerun to one valid index and one history row"
