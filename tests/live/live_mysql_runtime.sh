#!/usr/bin/env bash
# The runtime on a real MariaDB 10.11 (a throwaway server, tests/mariadb.sh,
# one database per check; the dialect comes from the mysql:// URL):
# - the example project and every golden case valid for MySQL: upgrade head,
#   current, status up to date, downgrade base to a database holding only the
#   history table, upgrade head again, and the schema equal to what the
#   compiled SQL gives when run with the mariadb client;
# - SIGKILL at 20 points spread over an upgrade of a project with
#   multi-statement migrations (a plain ADD COLUMN among them) and a
#   100,000-row table: every rerun reaches the uninterrupted run's schema, rows
#   and history, and repeats no recorded statement;
# - 8 concurrent runners (each migration applied once, all exit 0), a runner
#   that cannot wait (exit 3, naming the holder), a lock wait timeout retried;
# - a wrong password, an unreachable server, an unknown database: exit 3, no
#   password in any output; an edited applied migration: exit 4; stamp and
#   history marks; upgrade --sql prints the mysql client's script.
#   live_mysql_runtime.sh MIGRAC
set -euo pipefail
MIGRAC=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tests/mariadb.sh"
unset MIGRAC_URL DATABASE_URL MYSQL_PWD

WORK=$(mktemp -d /tmp/migrac-live-mysql.XXXXXX)
chmod 755 "$WORK"
BACKGROUND=()
cleanup() {
  local rc=$?
  for pid in "${BACKGROUND[@]}"; do kill "$pid" 2>/dev/null || true; done
  mariadb_stop "$WORK/server"
  if [ $rc -eq 0 ]; then rm -rf "$WORK"; else echo "(work files kept in $WORK)" >&2; fi
}
trap cleanup EXIT
mkdir -p "$WORK/server"
mariadb_start "$WORK/server" live_mysql_runtime || exit 1
SOCK="$WORK/server/sock"
PORT=$(tr '\0' '\n' <"/proc/$(cat "$WORK/server/pid")/cmdline" | sed -n 's/^--port=//p')

source "$(dirname "$0")/assert.sh"
sql() { "${client[@]}" -N -B "$1" -e "$2"; }  # DB STATEMENT
url_for() { echo "mysql://root@localhost/$1?socket=$SOCK"; }
# new_db: a new database; prints its name. Called as $(new_db), a subshell, so
# the count of databases made is kept in a file (a variable set there is lost).
: >"$WORK/databases"
new_db() {
  local name; name="live_$(($(wc -l <"$WORK/databases") + 1))"
  echo "$name" >>"$WORK/databases"
  "${client[@]}" -e "CREATE DATABASE $name"
  echo "$name"
}
drop_db() { "${client[@]}" -e "DROP DATABASE $1"; }
# The schema without the history table (table definitions, views, without
# AUTO_INCREMENT counters), then the history rows without their times.
schema_dump() {
  mariadb-dump --no-defaults --socket="$SOCK" -uroot --no-data --skip-comments --skip-dump-date \
    --ignore-table="$1.migrac_history" "$1" | sed -E 's/ AUTO_INCREMENT=[0-9]+//; /^\/\*!/d; /^$/d'
}
history_rows() {
  sql "$1" "SELECT id, checksum, parents, segments_done, segments_total, down_done, segment_started FROM migrac_history ORDER BY id"
}
only_history_left() {
  equals "$(sql "$1" "SELECT group_concat(table_name) FROM information_schema.tables WHERE table_schema = '$1'")" \
    migrac_history "$2: tables left after downgrade base"
}

# cycle NAME DIR: the verbs on a fresh database, the schema against the client's.
cycle() {
  local name=$1 dir=$2 db ref heads
  db=$(new_db)
  local opts=(--dir "$dir" --url "$(url_for "$db")")
  m() { "$MIGRAC" "$1" "${@:2}" "${opts[@]}"; }
  expect_rc 0 m upgrade head -q
  heads=$("$MIGRAC" heads --dir "$dir" 2>/dev/null | awk '{print $1}')
  expect_rc 0 m current
  out_has "$heads"
  expect_rc 0 m status
  out_has "status: up to date"
  schema_dump "$db" >"$WORK/run.schema"
  expect_rc 0 m downgrade base -q
  only_history_left "$db" "$name"
  equals "$(sql "$db" "SELECT count(*) FROM migrac_history")" 0 "$name: history rows after downgrade base"
  expect_rc 0 m upgrade head -q
  schema_dump "$db" >"$WORK/again.schema"
  diff -u "$WORK/run.schema" "$WORK/again.schema" >/dev/null || fail "$name: upgrade after downgrade base gave another schema"
  ref=$(new_db)
  "$MIGRAC" sql head --dialect mysql --dir "$dir" >"$WORK/client.sql" 2>/dev/null
  "${client[@]}" "$ref" <"$WORK/client.sql" >/dev/null || fail "$name: the mariadb client failed on the compiled SQL"
  schema_dump "$ref" >"$WORK/client.schema"
  diff -u "$WORK/client.schema" "$WORK/run.schema" || fail "$name: the runtime's schema differs from the client's"
  drop_db "$db"
  drop_db "$ref"
}

step "the example project and the golden cases valid for mysql"
cycle example "$root/migrations"
cases=1
for d in "$root"/tests/golden/cases/*/; do
  name=$(basename "$d")
  case $name in fail_*|lint_*) continue ;; esac
  if [ -f "$d/dialects" ] && ! grep -qx mysql "$d/dialects"; then continue; fi
  cycle "$name" "$d"
  cases=$((cases + 1))
done
echo "ok: $cases projects: upgrade, current, status, downgrade base, upgrade, schema as the client's"

step "upgrade --sql for a mysql URL is the mysql client's script (live_mysql_script.sh applies it)"
expect_rc 0 "$MIGRAC" upgrade head --sql --dir "$root/migrations" --url "$(url_for nowhere)"
out_has "-- migrac mysql script: upgrade"

# ---------------------------------------------------------------------------
step "crash safety: SIGKILL at 20 points, then rerun"
proj="$WORK/crash"
mkdir -p "$proj"
cat >"$proj/0001_items.mig" <<'EOF'
create table items (id bigint primary key identity, name varchar(100) not null, qty int not null);
EOF
cat >"$proj/0002_expand_items.mig" <<'EOF'
after 0001_items;
add column items.note varchar(100);
create index on items (qty);
add column items.price int not null default 0;
create table tags (id bigint primary key identity, label varchar(50) not null unique);
EOF
cat >"$proj/0003_fill_notes.mig" <<'EOF'
after 0002_expand_items;
backfill items set note = concat('n', qty) where note is null batch 25000;
add column items.weight int;
create index on items (name);
EOF
cat >"$proj/0004_links.mig" <<'EOF'
after 0003_fill_notes;
create table item_tags (item_id bigint not null references items (id), tag_id bigint not null references tags (id), primary key (item_id, tag_id));
drop column items.weight;
create index on items (price);
EOF
seeded_db() {  # a database at 0001 with 100,000 items
  local db
  db=$(new_db)
  "$MIGRAC" upgrade 0001_items -q --dir "$proj" --url "$(url_for "$db")" >/dev/null
  sql "$db" "SET SESSION max_recursive_iterations = 200000; INSERT INTO items (name, qty) WITH RECURSIVE s(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM s WHERE k < 100000) SELECT concat('item', k), k % 997 FROM s"
  echo "$db"
}
state_of() {  # schema, history, rows
  schema_dump "$1"
  history_rows "$1"
  sql "$1" "SELECT count(*), sum(note = concat('n', qty)), sum(price) FROM items"
}
ref=$(seeded_db)
MIGRAC_TEST_POINTS="$WORK/points" expect_rc 0 "$MIGRAC" upgrade head -q --dir "$proj" --url "$(url_for "$ref")"
state_of "$ref" >"$WORK/ref.state"
equals "$(sql "$ref" "SELECT count(*) FROM migrac_history WHERE segments_done = segments_total AND segment_started = 0")" 4 "complete history rows"
grep -qx "100000 100000 0" <(tr '\t' ' ' <"$WORK/ref.state") || fail "reference rows: $(tail -1 "$WORK/ref.state")"
total=$(wc -l <"$WORK/points")
[ "$total" -ge 60 ] || fail "only $total kill points in a full run"
drop_db "$ref"
kills=0 resumed_notes=0
# may_repeat LABEL: whether LABEL lies between the sending of its segment's
# schema statement (not a setting) and the segment's history record, in the
# uninterrupted run's order of points.
may_repeat() {
  awk -v label="$1" '
    { l = substr($0, index($0, " ") + 1); seg = substr(l, 1, index(l, ": ") - 1)
      what = substr(l, index(l, ": ") + 2); lines[NR] = l; segs[NR] = seg; whats[NR] = what
      if (!at && index(l, label) == 1) at = NR }
    END {
      if (!at) exit 1
      for (i = 1; i <= NR; i++) {
        if (segs[i] != segs[at]) continue
        if (whats[i] ~ /^sent stmt/ && whats[i] !~ /\(SET SESSION/ && !sent) sent = i
        if (whats[i] == "after history") recorded = i
      }
      exit !(sent && sent <= at && at < recorded)
    }' "$WORK/points"
}
kill_and_resume() {  # NAME LABEL [DELAY_MS]
  local name=$1 label=$2 delay=${3:-0} db rc=0
  db=$(seeded_db)
  # (in a subshell, so that the shell's "Killed" line stays out of the log)
  (MIGRAC_TEST_KILL_AT_LABEL="$label" MIGRAC_TEST_KILL_DELAY_MS=$delay \
    "$MIGRAC" upgrade head -q --dir "$proj" --url "$(url_for "$db")" >"$WORK/killed.out" 2>&1; echo $? >"$WORK/killed.rc") 2>/dev/null || true
  rc=$(cat "$WORK/killed.rc")
  [ "$rc" == 137 ] || { cat "$WORK/killed.out"; fail "$name: expected SIGKILL (137) at '$label', got $rc"; }
  expect_rc 0 "$MIGRAC" upgrade head --dir "$proj" --url "$(url_for "$db")"
  # A statement is repeated only when the kill came after it was sent and
  # before its segment was recorded (it may have committed); it then finds
  # its work done and goes on. Anywhere else a repeat is a failure.
  if grep -q "already done by the interrupted run" "$WORK/out"; then
    may_repeat "$label" || { cat "$WORK/out"; fail "$name: a recorded statement ran again after a kill at '$label'"; }
    resumed_notes=$((resumed_notes + 1))
  fi
  state_of "$db" >"$WORK/run.state"
  diff -u "$WORK/ref.state" "$WORK/run.state" || fail "$name: the rerun reached another state"
  drop_db "$db"
  kills=$((kills + 1))
  echo "ok $kills: $name: killed at '$label'"
}
for i in $(seq 1 20); do
  line=$(( (i * total - total / 2) / 20 ))
  label=$(sed -n "${line}p" "$WORK/points" | cut -d' ' -f2-)
  kill_and_resume "point $line of $total" "$label"
done
kill_and_resume "inside the plain ADD COLUMN" "0002_expand_items up seg 1/4 autocommit: sent stmt 3" 50
kill_and_resume "after the plain ADD COLUMN, before it is recorded" "0002_expand_items up seg 1/4 autocommit: after stmt 3"
kill_and_resume "inside a backfill batch" "0003_fill_notes up seg 1/3 autocommit: sent stmt 3 batch 2" 20
kill_and_resume "inside an index build on 100,000 rows" "0003_fill_notes up seg 3/3 autocommit: sent stmt 3" 30
echo "ok: $kills kills, each resumed to the uninterrupted state ($resumed_notes found a committed statement not yet recorded)"

# ---------------------------------------------------------------------------
step "8 concurrent runners"
db=$(new_db)
url=$(url_for "$db")
pids=()
for i in $(seq 1 8); do
  "$MIGRAC" upgrade head --dir "$root/migrations" --url "$url" >"$WORK/run$i.out" 2>"$WORK/run$i.err" &
  pids+=($!)
done
applied=0
for i in $(seq 1 8); do
  rc=0
  wait "${pids[$((i - 1))]}" || rc=$?
  [ "$rc" == 0 ] || { cat "$WORK/run$i.out" "$WORK/run$i.err"; fail "runner $i exited $rc"; }
  applied=$((applied + $(grep -c '^apply  ' "$WORK/run$i.out" || true)))
done
n_migrations=$(ls "$root"/migrations/*.mig | wc -l)
equals "$applied" "$n_migrations" "migrations applied over all runners"
equals "$(sql "$db" "SELECT count(DISTINCT id) FROM migrac_history WHERE segments_done = segments_total")" "$n_migrations" "complete history rows"
# (a server without grant tables shows no host: only the connection and the user)
grep -h "another runner holds the migration lock" "$WORK"/run*.err | head -1 | grep -q "(connection [0-9]*, user 'root'" ||
  { cat "$WORK"/run*.err; fail "no waiting runner named the holder"; }
echo "ok: 8 runners, each migration applied once, all exit 0"

step "a runner that cannot wait long enough gives up with exit 3, naming the holder"
# The lock's key is the runtime's (the psql script shows it); its name on MySQL
# is migrac:<database>:<key>.
key=$("$MIGRAC" sql head --format psql --dir "$root/migrations" 2>/dev/null | grep -o 'pg_try_advisory_lock([0-9-]*' | head -1 | tr -dc '0-9-')
"${client[@]}" "$db" -e "SELECT GET_LOCK('migrac:$db:$key', 0), SLEEP(3)" >/dev/null &
holder=$!
BACKGROUND+=($holder)
until [ "$(sql "$db" "SELECT count(*) FROM information_schema.processlist WHERE info LIKE 'SELECT GET_LOCK%SLEEP(3)'")" == 1 ]; do sleep 0.05; done
sleep 0.2
expect_rc 3 "$MIGRAC" upgrade head --dir "$root/migrations" --url "$url" --lock-wait 500ms
err_has "another runner is applying migrations to this database (connection "
err_has "user 'root'"
err_has "gave up waiting after 0.5 s"
wait $holder
echo "ok: lock wait refused with the holder named"

step "a lock wait timeout is retried"
proj2="$WORK/locks"
mkdir -p "$proj2"
cat >"$proj2/0001_t.mig" <<'EOF'
create table t (id bigint primary key, a int);
EOF
cat >"$proj2/0002_alter.mig" <<'EOF'
after 0001_t;
set lock_timeout = 1s;
add column t.b int;
EOF
db=$(new_db)
url=$(url_for "$db")
expect_rc 0 "$MIGRAC" upgrade 0001_t --dir "$proj2" --url "$url" -q
"${client[@]}" "$db" -e "BEGIN; SELECT * FROM t; SELECT SLEEP(2); COMMIT" >/dev/null &
holder=$!
BACKGROUND+=($holder)
until [ "$(sql "$db" "SELECT count(*) FROM information_schema.processlist WHERE info = 'SELECT SLEEP(2)'")" == 1 ]; do sleep 0.05; done
expect_rc 0 "$MIGRAC" upgrade head --dir "$proj2" --url "$url" --retries 5
err_has "lock timeout in segment 1 of '0002_alter'"
err_has "Lock wait timeout exceeded"
wait $holder
equals "$(sql "$db" "SELECT count(*) FROM information_schema.columns WHERE table_schema = '$db' AND table_name = 't' AND column_name = 'b'")" 1 "column added after the retry"
echo "ok: the metadata lock wait timed out, was retried, and the column is there"

# ---------------------------------------------------------------------------
step "wrong password, unreachable server, unknown database: exit 3, no password shown"
sql mysql "FLUSH PRIVILEGES; CREATE USER 'deploy'@'%' IDENTIFIED BY 'Pw4deploy_ok'; GRANT ALL ON *.* TO 'deploy'@'%'"
db=$(new_db)
check_secret() {  # SECRET...: none in the outputs
  for s in "$@"; do
    ! grep -qF -- "$s" "$WORK/out" "$WORK/err" || { cat "$WORK/out" "$WORK/err"; fail "the password '$s' was printed"; }
  done
}
expect_rc 3 "$MIGRAC" status --dir "$root/migrations" --url "mysql://deploy:Wrong_pw_77@127.0.0.1:$PORT/$db"
err_has "Access denied for user 'deploy'"
check_secret Wrong_pw_77
closed=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
expect_rc 3 "$MIGRAC" upgrade head --dir "$root/migrations" --url "mariadb://deploy:Pw4deploy_ok@127.0.0.1:$closed/$db"
err_has "cannot connect to the database at 127.0.0.1 port $closed"
check_secret Pw4deploy_ok
expect_rc 3 "$MIGRAC" current --dir "$root/migrations" --url "mysql+pymysql://deploy:Pw4deploy_ok@127.0.0.1:$PORT/Pw4deploy_ok_db"
err_has "Unknown database '***_db'"
check_secret Pw4deploy_ok
expect_rc 3 "$MIGRAC" current --dir "$root/migrations" --url "mysql://deploy:p%40ss%2Fw%3Ard@127.0.0.1:$PORT/$db"
check_secret 'p@ss/w:rd' 'p%40ss%2Fw%3Ard'
expect_rc 0 "$MIGRAC" upgrade head --dir "$root/migrations" --url "mysql://deploy:Pw4deploy_ok@127.0.0.1:$PORT/$db"
out_has "database 127.0.0.1:$PORT/$db as deploy"
check_secret Pw4deploy_ok
echo "ok: connection failures exit 3 without the password"

step "an edited applied migration: exit 4"
edited="$WORK/edited"
cp -r "$root/migrations" "$edited"
sed -i 's/varchar(20)/varchar(30)/' "$edited"/0002_add_phone_number_to_users.mig
expect_rc 4 "$MIGRAC" upgrade head --dir "$edited" --url "$(url_for "$db")"
err_has "0002_add_phone_number_to_users"
echo "ok: edited migration refused"

step "stamp and history marks"
expect_rc 0 "$MIGRAC" downgrade 0012_contract_drop_users_full_name -q --dir "$root/migrations" --url "$(url_for "$db")"
expect_rc 0 "$MIGRAC" stamp 0013_add_refunded_order_status --dir "$root/migrations" --url "$(url_for "$db")"
expect_rc 0 "$MIGRAC" history --dir "$root/migrations" --url "$(url_for "$db")"
out_has "0012_contract_drop_users_full_name -> 0013_add_refunded_order_status (applied) (current)"
grep -q "^0013_add_refunded_order_status -> 0014_create_active_users_view (head), " "$WORK/out" || { cat "$WORK/out"; fail "0014 is marked"; }
expect_rc 0 "$MIGRAC" status --dir "$root/migrations" --url "$(url_for "$db")"
echo "ok: stamp and history marks"

echo "ok: live_mysql_runtime"
