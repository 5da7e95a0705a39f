#!/usr/bin/env bash
# Passwords never appear in any output. A private cluster with password
# (scram-sha-256) authentication, a role with a password; migrac run with the
# right and a wrong password, in --url, MIGRAC_URL, DATABASE_URL, migrac.ini and
# a key=value string, a malformed URL, a server that is down (--wait), and
# every verb's output: stdout and stderr never contain either password.
# Connection failures are one line naming host, port, database and the reason,
# with exit code 3.
source "$(dirname "$0")/lib.sh"

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
GOOD='S3cr3t-Pa55word'
BAD='Wr0ng-Pa55word'
ADMIN='Adm1n-Pa55word'

step "a private cluster with password authentication"
pg=$(mktemp -d /tmp/migrac-live-passwords-pg.XXXXXX)
ON_EXIT+=("rm -rf '$pg'")
mkdir -p "$pg/socket"
echo "$ADMIN" > "$pg/pwfile"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$pg"
chmod 700 "$pg"
as_pg "$PGBIN/initdb" -D "$pg/data" -U postgres -A scram-sha-256 --pwfile="$pg/pwfile" --no-sync -E UTF8 --locale=C >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log"; fail "initdb"; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$PGBIN/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 60 \
  -o "-p $port -k $pg/socket -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null || { cat "$pg/server.log"; fail "pg_ctl start"; }
ON_EXIT=("as_pg '$PGBIN/pg_ctl' -D '$pg/data' -m immediate -w stop" "${ON_EXIT[@]}")
PGPASSWORD="$ADMIN" psql "postgresql://postgres@127.0.0.1:$port/postgres" -X -q -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE app LOGIN PASSWORD '$GOOD'" -c "CREATE DATABASE appdb OWNER app" >/dev/null

good_url="postgresql://app:$GOOD@127.0.0.1:$port/appdb"
bad_url="postgresql://app:$BAD@127.0.0.1:$port/appdb"
proj=$(copy_project)
n=0
# run WANT_RC CMD...: runs, keeps its output, and checks it for the passwords.
run() {
  local want=$1; shift
  n=$((n + 1))
  expect_rc "$want" "$@"
  cp "$WORK/out" "$WORK/case$n.out"; cp "$WORK/err" "$WORK/case$n.err"
  for secret in "$GOOD" "$BAD" "$ADMIN" "S3cr3t" "Wr0ng"; do
    if grep -qF -- "$secret" "$WORK/out" "$WORK/err"; then
      cat "$WORK/out" "$WORK/err"
      fail "a password shows in the output of: $*"
    fi
  done
}
# The failure is one line, naming where and why.
one_line_failure() {
  equals "$(wc -l < "$WORK/err")" 1 "lines of the connection failure"
  err_has "127.0.0.1"
  err_has "port $port"
  err_has "database 'appdb'"
  err_has "$1"
}

step "wrong password: --url, MIGRAC_URL, DATABASE_URL, migrac.ini, key=value"
run 3 "$MIGRAC" status --dir "$proj" --url "$bad_url"
one_line_failure "password authentication failed for user \"app\""
MIGRAC_URL="$bad_url" run 3 "$MIGRAC" upgrade head --dir "$proj"
one_line_failure "password authentication failed"
DATABASE_URL="$bad_url" run 3 "$MIGRAC" current --dir "$proj"
one_line_failure "password authentication failed"
printf 'dir = %s\nurl = %s\n' "$proj" "$bad_url" > "$WORK/migrac.ini"
run 3 "$MIGRAC" downgrade -1 --config "$WORK/migrac.ini"
one_line_failure "password authentication failed"
run 3 "$MIGRAC" stamp head --dir "$proj" --url "host=127.0.0.1 port=$port dbname=appdb user=app password=$BAD"
one_line_failure "password authentication failed"
run 3 "$MIGRAC" status --dir "$proj" --url "$bad_url" --format json

step "a wrong password is not retried by --wait"
start=$(date +%s)
run 3 "$MIGRAC" status --dir "$proj" --url "$bad_url" --wait 10s
[ $(( $(date +%s) - start )) -lt 5 ] || fail "--wait retried a wrong password"

step "a malformed URL with the password in it"
run 3 "$MIGRAC" status --dir "$proj" --url "postgresql://app:S3cr3t%zz-Pa55word@127.0.0.1:$port/appdb"
run 3 "$MIGRAC" status --dir "$proj" --url "postgresql://app:$GOOD@127.0.0.1:notaport/appdb"

step "a server that is down, with --wait"
down_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run 3 "$MIGRAC" status --dir "$proj" --url "postgresql://app:$GOOD@127.0.0.1:$down_port/appdb" --wait 1s
err_has "waiting up to 1 s for the database"
tail -1 "$WORK/err" | grep -q "cannot connect to the database at 127.0.0.1 port $down_port, database 'appdb'" \
  || { cat "$WORK/err"; fail "the connection failure line"; }
err_has "Connection refused"

step "--wait rides out a server restart"
as_pg "$PGBIN/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null
( sleep 1.5; as_pg "$PGBIN/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 60 \
    -o "-p $port -k $pg/socket -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ) &
BACKGROUND+=($!)
run 0 "$MIGRAC" upgrade head --dir "$proj" --url "$good_url" --wait 30s
err_has "waiting up to 30 s for the database"
wait

step "the right password: every verb's output"
export MIGRAC_URL="$good_url"
run 0 "$MIGRAC" status --dir "$proj"
out_has "127.0.0.1:$port/appdb as app"
run 0 "$MIGRAC" current --dir "$proj"
run 0 "$MIGRAC" history --dir "$proj"
run 0 "$MIGRAC" downgrade -1 --dir "$proj" --format json
run 0 "$MIGRAC" upgrade --dir "$proj"
run 0 "$MIGRAC" stamp head --dir "$proj"
run 0 "$MIGRAC" upgrade head --sql --dir "$proj"
run 0 "$MIGRAC" status --dir "$proj" --format json
run 0 "$MIGRAC" sql head --dir "$proj"
unset MIGRAC_URL

step "a failing statement's error, with the password in the URL"
cat > "$proj/0015_fails.mig" <<MIG
after $HEAD_ID;
sql \$\$ SELECT 1/0 \$\$;
down { }
MIG
run 3 "$MIGRAC" upgrade --dir "$proj" --url "$good_url"
err_has "division by zero"

echo "ok: live_passwords: $n runs, no password in any output"
