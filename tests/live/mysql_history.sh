#!/usr/bin/env bash
# MySQL's history-table statements (compiler/dialect/mysql/history.h) on a
# throwaway MariaDB server: the script of tests/tools/mysql_history_script.cpp
# for a plain and a schema-qualified table, its output compared whole with the
# rows expected after each step (times and the user shown as DATE and USER).
# Prints 'N passed, M failed'.
set -uo pipefail
script_tool=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tests/mariadb.sh"

work=$(mktemp -d /tmp/migrac-mysql-history.XXXXXX)
stop() {
  mariadb_stop "$work"
  rm -rf "$work"
}
trap stop EXIT
mariadb_start "$work" mysql_history || exit 1

passed=0 failed=0
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

read -r -d '' want <<'ROWS'
f
t
-- up segment 1 started
0001_init	v1:ab	0000_root,0000_other	0	3	0	1	DATE UTC	0	USER	run
-- up segments 1 and 2 done
0001_init	v1:ab	0000_root,0000_other	2	3	0	0	DATE UTC	12	USER	run
-- up segment 3 done in a transaction of a second
0001_init	v1:ab	0000_root,0000_other	3	3	0	0	DATE UTC	T+0	USER	run
-- down segment 1 started
0001_init	v1:ab	0000_root,0000_other	3	3	0	1	DATE UTC	T+0	USER	run
-- down segment 1 done
0001_init	v1:ab	0000_root,0000_other	3	3	1	0	DATE UTC	T+4	USER	run
-- reverted
-- stamped twice
0002_it's \\ odd	v1:ef	0001_init	2	2	0	0	DATE UTC	0	USER	stamp
-- ids are case-sensitive
0001_INIT	v1:00		1	1	0	0	DATE UTC	0	USER	stamp
0001_init	v1:11		1	1	0	0	DATE UTC	0	USER	stamp
0002_it's \\ odd	v1:ef	0001_init	2	2	0	0	DATE UTC	0	USER	stamp
ROWS

# The columns that differ from run to run: applied_at, applied_by, and the
# transaction's milliseconds (T: 12 recorded before, 1000 and a few more).
normalize() {
  awk -F'\t' -v OFS='\t' 'NF == 11 {
    if ($8 ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9] UTC$/) $8 = "DATE UTC"
    $10 = "USER"
    if ($9 >= 1000) {  # T: the first such value, 12 + 1000 and a few
      if (t == "") {
        t = $9
        if (t < 1012 || t >= 1200) print "transaction duration out of range: " t
      }
      $9 = "T+" ($9 - t)
    }
  } { print }' "$1"
}

check() {  # name table database
  local name=$1 table=$2 db=$3
  "${client[@]}" -e "CREATE DATABASE IF NOT EXISTS $db" || { fail "$name: CREATE DATABASE failed"; return; }
  if ! "$script_tool" "$table" >"$work/$name.sql"; then fail "$name: no script"; return; fi
  if ! "${client[@]}" -N -B "$db" <"$work/$name.sql" >"$work/$name.out" 2>&1; then
    fail "$name: the script failed"; cat "$work/$name.out"; return
  fi
  local got
  got=$(normalize "$work/$name.out")
  if [ "$got" != "$want" ]; then
    fail "$name: the rows differ"; diff <(echo "$want") <(echo "$got"); return
  fi
  passed=$((passed + 1))
}

check plain migrac_history app
check schema ops.migrac_history app
check quoted "Order.History" other
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
