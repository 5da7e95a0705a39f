# A throwaway MariaDB server for tests that run SQL on MySQL's dialect
# (Debian's mariadb-server), sourced by them: mariadb_start WORK NAME starts
# it as an unprivileged process with its data, socket and pid file in WORK, on
# a free port, without grant tables, and sets `client` to the mariadb client
# command; mariadb_stop WORK stops it. NAME prefixes the error messages.
# Each server has a temporary directory of its own: a starting mariadbd
# removes every #sql* file in its tmpdir, so servers of tests running in
# parallel must not share /tmp (one would delete another's temporary tables).

mariadb_start() {  # work name
  local work=$1 name=$2 server
  server=$(command -v mariadbd || echo /usr/sbin/mariadbd)
  for tool in "$server" mariadb-install-db mariadb; do
    command -v "$tool" >/dev/null ||
      { echo "$name: $tool is not installed (scripts/bootstrap installs mariadb-server)"; return 1; }
  done
  local user_opt=()
  if [ "$(id -u)" -eq 0 ]; then  # mariadbd refuses root: it runs as the mysql user
    chown mysql: "$work"
    user_opt=(--user=mysql)
  fi
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$work/tmp"
  [ -z "${user_opt[*]}" ] || chown mysql: "$work/tmp"
  if ! mariadb-install-db --no-defaults "${user_opt[@]}" --datadir="$work/data" \
         --auth-root-authentication-method=normal --skip-test-db >"$work/install.log" 2>&1; then
    echo "$name: mariadb-install-db failed"; cat "$work/install.log"; return 1
  fi
  "$server" --no-defaults "${user_opt[@]}" --datadir="$work/data" --tmpdir="$work/tmp" --socket="$work/sock" \
    --port="$port" --bind-address=127.0.0.1 --pid-file="$work/pid" --log-error="$work/server.log" \
    --skip-grant-tables --skip-name-resolve --innodb-buffer-pool-size=32M \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci >/dev/null 2>&1 &
  client=(mariadb --no-defaults --socket="$work/sock" -uroot)
  for _ in $(seq 150); do "${client[@]}" -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.2; done
  if ! "${client[@]}" -e 'SELECT 1' >/dev/null 2>&1; then
    echo "$name: the server did not start"; cat "$work/server.log"; return 1
  fi
}

mariadb_stop() {  # work
  local work=$1
  if [ -f "$work/pid" ]; then
    local pid; pid=$(cat "$work/pid")
    kill "$pid" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}
