#!/usr/bin/env bash
# Applies the emitted MySQL of the example project and of every valid golden
# case to a throwaway MariaDB 10.11 server (tests/mariadb.sh), stopped on
# exit. For each:
# the up script into an empty database with the mariadb client (which stops at
# the first error), the down script back to an empty database, the up script
# again. Prints 'N passed, M failed'.
set -uo pipefail
migrac=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tests/mariadb.sh"

work=$(mktemp -d /tmp/migrac-apply-mysql.XXXXXX)
stop() {
  mariadb_stop "$work"
  rm -rf "$work"
}
trap stop EXIT
mariadb_start "$work" apply_mysql || exit 1

passed=0 failed=0
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

tables() {  # tables and views left in the database
  "${client[@]}" -N -e "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$1'"
}

check_dir() {  # name dir
  local name=$1 dir=$2 db="apply_$RANDOM$RANDOM" step
  local up="$work/$name.up.sql" down="$work/$name.down.sql"
  if ! "$migrac" sql head --dialect mysql --dir "$dir" >"$up" 2>"$work/err" ||
     ! "$migrac" sql --down base --dialect mysql --dir "$dir" >"$down" 2>>"$work/err"; then
    fail "$name: migrac sql failed"; cat "$work/err"; return
  fi
  "${client[@]}" -e "CREATE DATABASE $db" || { fail "$name: CREATE DATABASE failed"; return; }
  for step in up down up; do
    local script=$up; [ $step = down ] && script=$down
    if ! "${client[@]}" "$db" <"$script" >"$work/out" 2>&1; then
      fail "$name: $step script failed"; cat "$work/out"; return
    fi
    if [ $step = down ] && [ "$(tables "$db")" != 0 ]; then
      fail "$name: the down script left tables behind"; return
    fi
  done
  "${client[@]}" -e "DROP DATABASE $db"
  passed=$((passed + 1))
}

check_dir example "$root/migrations"
for d in "$root"/tests/golden/cases/*/; do
  name=$(basename "$d")
  case $name in fail_*|lint_*) continue ;; esac  # lint cases are PostgreSQL's
  if [ -f "$d/dialects" ] && ! grep -qx mysql "$d/dialects"; then continue; fi
  check_dir "$name" "$d"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
