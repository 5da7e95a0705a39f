#!/usr/bin/env bash
# Applies the emitted MySQL of the example project and of every valid golden
# case to a throwaway MariaDB 10.11 server (Debian's mariadb-server), started
# here as an unprivileged process: its data, socket and pid file in a temp
# directory, on a free port, without grant tables, stopped on exit. For each:
# the up script into an empty database with the mariadb client (which stops at
# the first error), the down script back to an empty database, the up script
# again. Prints 'N passed, M failed'.
set -uo pipefail
migrac=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
server=$(command -v mariadbd || echo /usr/sbin/mariadbd)
for tool in "$server" mariadb-install-db mariadb; do
  command -v "$tool" >/dev/null ||
    { echo "apply_mysql: $tool is not installed (scripts/bootstrap installs mariadb-server)"; exit 1; }
done

work=$(mktemp -d /tmp/migrac-apply-mysql.XXXXXX)
user_opt=()
if [ "$(id -u)" -eq 0 ]; then  # mariadbd refuses root: it runs as the mysql user
  chown mysql: "$work"
  user_opt=(--user=mysql)
fi
stop() {
  if [ -f "$work/pid" ]; then
    local pid; pid=$(cat "$work/pid")
    kill "$pid" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$work"
}
trap stop EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

if ! mariadb-install-db --no-defaults "${user_opt[@]}" --datadir="$work/data" \
       --auth-root-authentication-method=normal --skip-test-db >"$work/install.log" 2>&1; then
  echo "apply_mysql: mariadb-install-db failed"; cat "$work/install.log"; exit 1
fi
"$server" --no-defaults "${user_opt[@]}" --datadir="$work/data" --socket="$work/sock" \
  --port="$port" --bind-address=127.0.0.1 --pid-file="$work/pid" --log-error="$work/server.log" \
  --skip-grant-tables --skip-name-resolve --innodb-buffer-pool-size=32M \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci >/dev/null 2>&1 &
client=(mariadb --no-defaults --socket="$work/sock" -uroot)
for _ in $(seq 150); do "${client[@]}" -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.2; done
if ! "${client[@]}" -e 'SELECT 1' >/dev/null 2>&1; then
  echo "apply_mysql: the server did not start"; cat "$work/server.log"; exit 1
fi

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
