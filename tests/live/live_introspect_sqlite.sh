#!/usr/bin/env bash
# Introspection of SQLite on real database files (no server):
#  1. a hand-written schema (introspect_sqlite/fixture.sql: every kind the
#     model holds, and views, a trigger, an fts5 virtual table, WITHOUT ROWID,
#     STRICT, generated columns, the history table) read by
#     `migrac schema --live`, compared whole with introspect_sqlite/expected.txt;
#     that output applied to a fresh file reads back the same (a fixed point);
#  2. the example project and golden cases applied with `migrac upgrade`:
#     `schema --live` equals `schema --dialect sqlite` of the files (the model
#     printed by the same emitter), with the raw SQL's view listed after it;
#     after `downgrade base` the live schema is empty; a history table of
#     another name (--history-table) is left out too.
# Prints 'N passed, M failed'.
#   live_introspect_sqlite.sh MIGRAC        run the checks
#   ... MIGRAC --regen                      rewrite expected.txt from the fixture
set -uo pipefail
migrac=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data="$here/introspect_sqlite"
work=$(mktemp -d /tmp/migrac-live-introspect-sqlite.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }
# same WHAT GOT_FILE WANT_FILE: the files are equal (a diff when not).
same() {
  if diff -u "$3" "$2" >"$work/diff"; then ok; else fail "$1"; cat "$work/diff"; fi
}
live() { "$migrac" schema --live --url "sqlite:$1" "${@:2}"; }

command -v sqlite3 >/dev/null || { echo "FAIL: the sqlite3 shell is missing (scripts/bootstrap installs it)"; exit 1; }

# --- 1. the hand-written fixture
fx="$work/fixture.db"
sqlite3 "$fx" <"$data/fixture.sql" || fail "the fixture applies"
live "$fx" >"$work/fixture.out" 2>"$work/fixture.err" || fail "schema --live of the fixture: $(cat "$work/fixture.err")"
if [ "${2:-}" = "--regen" ]; then
  cp "$work/fixture.out" "$data/expected.txt"
  echo "rewrote $data/expected.txt"
  exit 0
fi
same "schema --live of the fixture" "$work/fixture.out" "$data/expected.txt"
[ -s "$work/fixture.err" ] && fail "schema --live of the fixture wrote to stderr: $(cat "$work/fixture.err")"
# The printed schema applied to a fresh file reads back the same.
grep -v '^-- not in the model' "$work/fixture.out" >"$work/fixture.sql"
again="$work/again.db"
sqlite3 "$again" <"$work/fixture.sql" || fail "the printed fixture schema applies"
live "$again" >"$work/again.out" 2>&1 || fail "schema --live of the reapplied schema"
same "fixed point: the printed schema reads back the same" "$work/again.out" "$work/fixture.sql"

# --- 2. migrations applied by migrac, read back
# check_project NAME DIR [EXTRA-LINES-FILE]: upgrade, compare, downgrade.
check_project() {
  local name=$1 dir=$2 db="$work/$1.db"
  if ! "$migrac" upgrade --dir "$dir" --url "sqlite:$db" --quiet >"$work/up.out" 2>&1; then
    fail "$name: upgrade"; cat "$work/up.out"; return
  fi
  "$migrac" schema --dir "$dir" --dialect sqlite >"$work/$name.files" 2>"$work/err" ||
    { fail "$name: schema of the files: $(cat "$work/err")"; return; }
  [ -n "${3:-}" ] && cat "$3" >>"$work/$name.files"
  live "$db" >"$work/$name.live" 2>"$work/err" || { fail "$name: schema --live: $(cat "$work/err")"; return; }
  same "$name: the live schema at head is the model at head" "$work/$name.live" "$work/$name.files"
  "$migrac" downgrade base --dir "$dir" --url "sqlite:$db" --quiet >"$work/down.out" 2>&1 ||
    { fail "$name: downgrade base"; cat "$work/down.out"; return; }
  live "$db" >"$work/$name.base" 2>&1
  : >"$work/empty"
  same "$name: the live schema after downgrade base is empty" "$work/$name.base" "$work/empty"
}

echo "-- not in the model: view active_users" >"$work/example.extra"
check_project example "$root/migrations" "$work/example.extra"
for case in create_table_all_types create_table_foreign_keys add_column_inline_constraints \
  enum_add_value enum_create_drop unique_partial_expression_index quoted_identifiers long_names \
  column_default drop_constraint rename_table raw_rename_column_then_rebuild expand_contract \
  sql_per_dialect; do
  check_project "$case" "$root/tests/golden/cases/$case"
done

# A history table of another name is not the user's either.
hdb="$work/history.db"
"$migrac" upgrade --dir "$root/migrations" --url "sqlite:$hdb" --history-table ops_history --quiet ||
  fail "upgrade with --history-table"
live "$hdb" --history-table ops_history >"$work/history.live" 2>&1
same "--history-table: the live schema leaves it out" "$work/history.live" "$work/example.files"
tables=$(sqlite3 "$hdb" "SELECT group_concat(name) FROM sqlite_schema WHERE name LIKE '%history%' AND type = 'table' ORDER BY name")
if [ "$tables" = "ops_history,order_status_history" ]; then ok; else fail "--history-table: tables '$tables'"; fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
