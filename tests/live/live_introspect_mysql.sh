#!/usr/bin/env bash
# Introspection of MySQL on a throwaway MariaDB 10.11 (tests/mariadb.sh):
#  1. the example project and the golden cases valid for mysql: after
#     `migrac upgrade`, `migrac diff` finds no difference (the live schema read
#     back into the model equals the model), and `migrac verify` on the server
#     exits 0;
#  2. drift by hand (a column added, an index dropped): `migrac diff` exits 4
#     naming each;
#  3. a hand-written fixture (introspect_mysql/fixture.sql) with a view, a
#     trigger and a procedure: `migrac schema --live`, compared whole with
#     introspect_mysql/expected.txt;
#  4. no migrac_verify_% database is left after verify, and a leftover of a
#     killed run (a scratch database no session uses) is removed by the next.
#   live_introspect_mysql.sh MIGRAC [--regen]   (--regen rewrites expected.txt)
set -euo pipefail
MIGRAC=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/tests/live/introspect_mysql"
source "$root/tests/mariadb.sh"
unset MIGRAC_URL DATABASE_URL MYSQL_PWD

WORK=$(mktemp -d /tmp/migrac-live-introspect-mysql.XXXXXX)
chmod 755 "$WORK"
cleanup() {
  local rc=$?
  mariadb_stop "$WORK/server"
  if [ $rc -eq 0 ]; then rm -rf "$WORK"; else echo "(work files kept in $WORK)" >&2; fi
}
trap cleanup EXIT
mkdir -p "$WORK/server"
mariadb_start "$WORK/server" live_introspect_mysql || exit 1
SOCK="$WORK/server/sock"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
step() { echo "--- $*"; }
sql() { "${client[@]}" -N -B "$1" -e "$2"; }  # DB STATEMENT
url_for() { echo "mysql://root@localhost/$1?socket=$SOCK"; }
n=0
new_db() {  # sets db to a new database's name (not in a subshell: n counts)
  n=$((n + 1))
  db="live_$n"
  "${client[@]}" -e "CREATE DATABASE $db"
}
# run WANT NAME CMD...: the exit code is WANT, else a failure showing the output.
run() {
  local want=$1 name=$2 rc=0
  shift 2
  "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
  if [ "$rc" != "$want" ]; then
    fail "$name: expected exit $want, got $rc: $*"
    sed 's/^/  | /' "$WORK/out" "$WORK/err" >&2
    return 1
  fi
}
scratch_left() {
  sql mysql "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'migrac\\_verify\\_%'"
}

step "1. upgrade, then diff and verify: no difference"
projects=0
check_project() {  # NAME DIR
  local name=$1 dir=$2
  new_db
  local url; url=$(url_for "$db")
  run 0 "$name: upgrade" "$MIGRAC" upgrade head -q --dir "$dir" --url "$url" || return 0
  run 0 "$name: diff after upgrade" "$MIGRAC" diff --dir "$dir" --url "$url" || true
  run 0 "$name: verify" "$MIGRAC" verify --dir "$dir" --url "$url" || true
  projects=$((projects + 1))
}
check_project example "$root/migrations"
for d in "$root"/tests/golden/cases/*/; do
  name=$(basename "$d")
  case $name in fail_*|lint_*) continue ;; esac
  if [ -f "$d/dialects" ] && ! grep -qx mysql "$d/dialects"; then continue; fi
  check_project "$name" "$d"
done
echo "projects: $projects"

step "2. drift by hand: diff exits 4 naming each difference"
new_db
url=$(url_for "$db")
if run 0 "drift: upgrade" "$MIGRAC" upgrade head -q --dir "$root/migrations" --url "$url"; then
  sql "$db" "ALTER TABLE users ADD COLUMN nick varchar(20)"
  sql "$db" "DROP INDEX ix_users_phone_number ON users"
  if run 4 "drift: diff" "$MIGRAC" diff --dir "$root/migrations" --url "$url"; then
    grep -qF "column 'users.nick'" "$WORK/out" || fail "drift: diff does not name column 'users.nick'"
    grep -qF "index 'ix_users_phone_number'" "$WORK/out" ||
      fail "drift: diff does not name index 'ix_users_phone_number'"
  fi
fi

step "3. schema --live of a fixture with a view, a trigger and a procedure"
new_db
"${client[@]}" "$db" <"$data/fixture.sql"
if run 0 "fixture: schema --live" "$MIGRAC" schema --live --url "$(url_for "$db")"; then
  if [ "${2:-}" = "--regen" ]; then cp "$WORK/out" "$data/expected.txt"; fi
  diff -u "$data/expected.txt" "$WORK/out" || fail "fixture: schema --live differs from expected.txt"
fi

step "4. no scratch database left; a killed run's leftover is removed"
equals_left=$(scratch_left)
[ "$equals_left" = 0 ] || fail "after verify: $equals_left migrac_verify_% databases left"
sql mysql "CREATE DATABASE migrac_verify_20000101000000_1_abcdef"
mkdir -p "$WORK/small"
cat >"$WORK/small/0001_items.mig" <<'MIG'
create table items (id bigint primary key identity, name varchar(100) not null);
MIG
if run 0 "leftover: verify" "$MIGRAC" verify --dir "$WORK/small" --url "$(url_for mysql)"; then
  grep -qF "removed 'migrac_verify_20000101000000_1_abcdef'" "$WORK/err" ||
    fail "leftover: verify does not say it removed the leftover"
fi
equals_left=$(scratch_left)
[ "$equals_left" = 0 ] || fail "after the leftover run: $equals_left migrac_verify_% databases left"

if [ $failures -ne 0 ]; then
  echo "$failures failures" >&2
  exit 1
fi
echo "ok"
