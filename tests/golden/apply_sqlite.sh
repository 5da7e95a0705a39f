#!/usr/bin/env bash
# Applies the emitted SQLite of the example project and of every valid golden
# case with the sqlite3 shell: the up script into an empty database, the down
# script back to an empty one, and the up script again; then the same with the
# SQLite runtime (migrac upgrade head, downgrade base, upgrade head). Then a rebuild keeps
# the rows: rows inserted before the rebuilds of sqlite_rebuild/0002-0003 (a
# type change with `using`, a default on the parent of a cascading foreign key,
# a column with a constraint, an enum value) and their downgrade are all still
# there, and PRAGMA foreign_key_check is clean. Prints 'N passed, M failed'.
set -uo pipefail
migrac=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v sqlite3 >/dev/null || { echo "apply_sqlite: the sqlite3 shell is not installed"; exit 1; }

work=$(mktemp -d /tmp/migrac-apply-sqlite.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

objects() {  # tables, indexes, views and triggers left, SQLite's own aside
  sqlite3 "$1" "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'"
}

fail() { echo "FAIL $1"; failed=$((failed + 1)); }

check_dir() {  # name dir
  local name=$1 dir=$2 db="$work/$1.db"
  local up="$work/$name.up.sql" down="$work/$name.down.sql" step
  if ! "$migrac" sql head --dialect sqlite --dir "$dir" >"$up" 2>"$work/err" ||
     ! "$migrac" sql --down base --dialect sqlite --dir "$dir" >"$down" 2>>"$work/err"; then
    fail "$name: migrac sql failed"; cat "$work/err"; return
  fi
  for step in up down up; do
    local script=$up; [ $step = down ] && script=$down
    if ! sqlite3 -bail "$db" <"$script" >"$work/out" 2>&1; then
      fail "$name: $step script failed"; cat "$work/out"; return
    fi
    if [ "$(sqlite3 "$db" "SELECT count(*) FROM pragma_foreign_key_check")" != 0 ]; then
      fail "$name: $step script left foreign key violations"; return
    fi
    if [ $step = down ] && [ "$(objects "$db")" != 0 ]; then
      fail "$name: the down script left objects behind"; return
    fi
  done
  # The same through the runtime: upgrade, downgrade to base, upgrade again.
  local url="sqlite:$work/$name.runtime.db" verb
  for verb in "upgrade head" "downgrade base" "upgrade head"; do
    # shellcheck disable=SC2086
    if ! "$migrac" $verb --quiet --dir "$dir" --url "$url" >"$work/out" 2>&1; then
      fail "$name: migrac $verb failed"; cat "$work/out"; return
    fi
  done
  if [ "$("$migrac" status --dir "$dir" --url "$url" | tail -1)" != "status: up to date" ]; then
    fail "$name: migrac status after the runtime cycle is not up to date"; return
  fi
  passed=$((passed + 1))
}

# Rows survive the rebuilds, up and down.
check_rows() {
  local dir="$root/tests/golden/sqlite_rebuild" db="$work/rows.db" got
  run() {  # script-producing migrac arguments
    "$migrac" sql "$@" --dialect sqlite --dir "$dir" >"$work/rows.sql" 2>"$work/err" &&
      sqlite3 -bail "$db" <"$work/rows.sql" >"$work/out" 2>&1 && [ ! -s "$work/out" ]
  }
  query() { sqlite3 "$db" "PRAGMA foreign_keys = ON; $1"; }
  run 0001_users_orders || { fail "rows: 0001 failed"; cat "$work/err" "$work/out"; return; }
  sqlite3 -bail "$db" "PRAGMA foreign_keys = ON;
    INSERT INTO users (name, age) VALUES ('ann', '31'), ('bob', '42');
    INSERT INTO orders (user_id, qty, status) VALUES (1, '3', 'new'), (1, '4', 'done'), (2, '5', 'new');" ||
    { fail "rows: insert failed"; return; }
  run 0001_users_orders:0003_cancelled || { fail "rows: 0002 up failed"; cat "$work/err" "$work/out"; return; }
  got=$(query "SELECT group_concat(id || ':' || name || ':' || typeof(age) || age, ' ') FROM users;
               SELECT group_concat(id || ':' || user_id || ':' || typeof(qty) || qty || ':' || status, ' ') FROM orders;
               SELECT count(*) FROM pragma_foreign_key_check;")
  local want=$'1:ann:integer31 2:bob:integer42\n1:1:integer3:new 2:1:integer4:done 3:2:integer5:new\n0'
  [ "$got" = "$want" ] || { fail "rows: after 0002 up: got '$got', want '$want'"; return; }
  query "INSERT INTO orders (user_id, qty, status) VALUES (2, 1, 'cancelled')" ||
    { fail "rows: the new enum value is refused"; return; }
  if query "INSERT INTO orders (user_id, qty, status) VALUES (2, 1, 'lost')" 2>/dev/null; then
    fail "rows: the enum CHECK accepts a value it does not have"; return
  fi
  query "DELETE FROM orders WHERE status = 'cancelled'"
  run --down 0001_users_orders || { fail "rows: 0002 down failed"; cat "$work/err" "$work/out"; return; }
  got=$(query "SELECT group_concat(id || ':' || name, ' ') FROM users;
               SELECT count(*) FROM orders; SELECT count(*) FROM pragma_foreign_key_check;
               SELECT count(*) FROM pragma_table_info('users') WHERE name = 'email';")
  want=$'1:ann 2:bob\n3\n0\n0'
  [ "$got" = "$want" ] || { fail "rows: after 0002 down: got '$got', want '$want'"; return; }
  passed=$((passed + 1))
}

check_dir example "$root/migrations"
for d in "$root"/tests/golden/cases/*/; do
  name=$(basename "$d")
  case $name in fail_*|lint_*) continue ;; esac  # lint cases are PostgreSQL's
  if [ -f "$d/dialects" ] && ! grep -qx sqlite "$d/dialects"; then continue; fi
  check_dir "$name" "$d"
done
check_rows
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
