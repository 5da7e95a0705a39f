#!/usr/bin/env bash
# The mysql client's script (`upgrade --sql` / `downgrade --sql` on MySQL) on a
# throwaway MariaDB 10.11 (tests/mariadb.sh), applied with the mariadb client
# alone:
# - the example project from empty: the schema and the history rows of
#   `migrac upgrade head`; a rerun of the finished script changes nothing and
#   says "nothing to do";
# - a script from another starting revision, on an empty database and on one
#   at an earlier revision: refused with both revisions named, nothing changed;
#   the run lock held by another session: refused naming its connection;
# - the script stopped after each statement (the client killed between two
#   statements: a statement the server was running when the client went away
#   either committed or did not, so these cover every kill) and stopped by a
#   failing statement: a rerun of the script refuses with nothing changed,
#   `migrac upgrade head` then reaches the uninterrupted run's schema with one
#   complete history row per migration and no statement run twice;
# - the downgrade script likewise: to base, nothing to do on a rerun, refused
#   at another revision, stopped part-way then finished by `migrac downgrade`.
#   live_mysql_script.sh MIGRAC
set -euo pipefail
MIGRAC=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tests/mariadb.sh"
unset MIGRAC_URL DATABASE_URL MYSQL_PWD

WORK=$(mktemp -d /tmp/migrac-live-mysql-script.XXXXXX)
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
mariadb_start "$WORK/server" live_mysql_script || exit 1
SOCK="$WORK/server/sock"

source "$(dirname "$0")/assert.sh"
sql() { "${client[@]}" -N -B "$1" -e "$2"; }  # DB STATEMENT
url_for() { echo "mysql://root@localhost/$1?socket=$SOCK"; }
# new_db: a new database; prints its name. Called as $(new_db), a subshell, so
# the count of databases made is kept in a file (a variable set there is lost).
: >"$WORK/databases"
new_db() {
  local name; name="script_$(($(wc -l <"$WORK/databases") + 1))"
  echo "$name" >>"$WORK/databases"
  "${client[@]}" -e "CREATE DATABASE $name"
  echo "$name"
}
drop_db() { "${client[@]}" -e "DROP DATABASE $1"; }
run_client() { "${client[@]}" "$1" <"$2"; }  # DB FILE
schema_dump() {  # the schema without the history table and AUTO_INCREMENT counters
  mariadb-dump --no-defaults --socket="$SOCK" -uroot --no-data --skip-comments --skip-dump-date \
    --ignore-table="$1.migrac_history" "$1" | sed -E 's/ AUTO_INCREMENT=[0-9]+//; /^\/\*!/d; /^$/d'
}
history_rows() {
  sql "$1" "SELECT id, checksum, parents, segments_done, segments_total, down_done, segment_started, applied_by FROM migrac_history ORDER BY id"
}
# Everything a run could change: the schema, the rows of items (if any), the
# whole history (with its times).
state_of() {
  schema_dump "$1"
  sql "$1" "SELECT * FROM migrac_history ORDER BY id" 2>/dev/null || echo "(no history table)"
}
tables_of() { sql "$1" "SELECT COALESCE(group_concat(table_name ORDER BY table_name), '') FROM information_schema.tables WHERE table_schema = '$1'"; }

ex="$root/migrations"
n_ex=$(ls "$ex"/*.mig | wc -l)
mx() { "$MIGRAC" "$@" --dir "$ex" --dialect mysql; }

step "upgrade --sql on mysql is the script of 'sql --format mysql'"
expect_rc 0 mx upgrade head --sql
cp "$WORK/out" "$WORK/full.sql"
expect_rc 0 mx sql head --format mysql
cmp "$WORK/out" "$WORK/full.sql" || fail "'upgrade head --sql' differs from 'sql head --format mysql'"
expect_rc 0 "$MIGRAC" upgrade head --sql --dir "$ex" --url "$(url_for nowhere)"
cmp "$WORK/out" "$WORK/full.sql" || fail "a mysql URL gives another script than --dialect mysql"
expect_rc 2 "$MIGRAC" sql head --format mysql --dir "$ex"
err_has "add --dialect mysql"
expect_rc 2 "$MIGRAC" upgrade head --sql --dir "$ex" --url sqlite:"$WORK/x.db"
err_has "the offline script is for postgres (psql) and mysql (the mysql client)"

step "the example project from empty by the mariadb client alone: the runtime's schema and rows"
db1=$(new_db)
expect_rc 0 run_client "$db1" "$WORK/full.sql"
out_has "migrac: done: $n_ex migrations applied"
db_rt=$(new_db)
expect_rc 0 "$MIGRAC" upgrade head -q --dir "$ex" --url "$(url_for "$db_rt")"
schema_dump "$db_rt" >"$WORK/rt.schema"
schema_dump "$db1" >"$WORK/script.schema"
diff -u "$WORK/rt.schema" "$WORK/script.schema" || fail "the script's schema differs from the runtime's"
equals "$(history_rows "$db1")" "$(history_rows "$db_rt")" "history rows (script vs runtime)"
equals "$(sql "$db1" "SELECT DISTINCT method FROM migrac_history")" mysql "method of the script's rows"
expect_rc 0 "$MIGRAC" status --dir "$ex" --url "$(url_for "$db1")"
out_has "status: up to date"
echo "ok: $n_ex migrations, the same schema and history rows as migrac upgrade head"

step "a rerun of the finished script changes nothing and says so"
state_of "$db1" >"$WORK/before.state"
expect_rc 1 run_client "$db1" "$WORK/full.sql"
err_has "migrac: nothing to do: the $n_ex migrations were applied already"
grep -q "migrac: apply" "$WORK/out" && fail "the rerun applied something"
state_of "$db1" >"$WORK/after.state"
diff -u "$WORK/before.state" "$WORK/after.state" || fail "the rerun changed the database"
echo "ok: nothing to do, nothing changed"

step "a script for another starting revision is refused, nothing changed"
from=$(ls "$ex"/*.mig | sed -n 5p | xargs basename | sed 's/\.mig$//')
prev=$(ls "$ex"/*.mig | sed -n 3p | xargs basename | sed 's/\.mig$//')
expect_rc 0 mx upgrade "$from:head" --sql
cp "$WORK/out" "$WORK/tail.sql"
start=$(grep -m1 '^-- It starts from ' "$WORK/tail.sql" | sed 's/^-- It starts from \(.*\) and changes.*/\1/')
db3=$(new_db)
expect_rc 1 run_client "$db3" "$WORK/tail.sql"
err_has "migrac: the database is at base (no table migrac_history), this script starts from $start; nothing was changed"
equals "$(tables_of "$db3")" "" "tables after the refusal on an empty database"
expect_rc 0 "$MIGRAC" upgrade "$prev" -q --dir "$ex" --url "$(url_for "$db3")"
state_of "$db3" >"$WORK/before.state"
expect_rc 1 run_client "$db3" "$WORK/tail.sql"
err_has "migrac: the database is at $prev, this script starts from $start; nothing was changed"
state_of "$db3" >"$WORK/after.state"
diff -u "$WORK/before.state" "$WORK/after.state" || fail "the refused script changed the database"
echo "ok: refused at base and at $prev, naming $start"

step "the run lock held by another session: refused, naming the holder"
key=$("$MIGRAC" sql head --format psql --dir "$ex" 2>/dev/null | grep -o 'pg_try_advisory_lock([0-9-]*' | head -1 | tr -dc '0-9-')
db4=$(new_db)
"${client[@]}" "$db4" -e "SELECT GET_LOCK('migrac:$db4:$key', 0), SLEEP(4)" >/dev/null &
holder=$!
BACKGROUND+=($holder)
until [ "$(sql "$db4" "SELECT count(*) FROM information_schema.processlist WHERE info LIKE 'SELECT GET_LOCK%SLEEP(4)'")" == 1 ]; do sleep 0.05; done
expect_rc 1 "${client[@]}" --init-command="SET @migrac_lock_wait = 1" "$db4" <"$WORK/full.sql"
err_has "migrac: the migration lock is still held after 1 s by connection "
err_has "(user 'root')"
equals "$(tables_of "$db4")" "" "tables after the lock refusal"
wait $holder
echo "ok: the lock holder named, nothing changed"

# ---------------------------------------------------------------------------
step "stopped after each statement, then migrac upgrade head"
proj="$WORK/proj"
mkdir -p "$proj"
cat >"$proj/0001_items.mig" <<'EOF'
create table items (id bigint primary key identity, name varchar(100) not null, qty int not null);
EOF
cat >"$proj/0002_seed_items.mig" <<'EOF'
after 0001_items;
sql $$ INSERT INTO items (name, qty) VALUES ('a', 1), ('b', 2), ('c', 3) $$;
down {
  sql $$ DELETE FROM items $$;
}
EOF
cat >"$proj/0003_expand_items.mig" <<'EOF'
after 0002_seed_items;
add column items.note varchar(100);
create index on items (qty);
add column items.price int not null default 0;
create table tags (id bigint primary key identity, label varchar(50) not null unique);
EOF
cat >"$proj/0004_fill_notes.mig" <<'EOF'
after 0003_expand_items;
backfill items set note = concat('n', qty) where note is null;
drop column items.price;
EOF
mp() { "$MIGRAC" "$@" --dir "$proj"; }
expect_rc 0 mp upgrade head --sql --dialect mysql
cp "$WORK/out" "$WORK/p.sql"
rows_of() { sql "$1" "SELECT group_concat(concat(name, ':', qty, ':', coalesce(note, '-')) ORDER BY id) FROM items" 2>/dev/null || true; }
ref=$(new_db)
expect_rc 0 mp upgrade head -q --url "$(url_for "$ref")"
ref_schema=$(schema_dump "$ref")
ref_history=$(history_rows "$ref")
ref_rows=$(rows_of "$ref")
equals "$ref_rows" "a:1:n1,b:2:n2,c:3:n3" "reference rows"
# Every line that ends a statement other than a setting or a check: history
# writes, DDL, row changes, COMMIT.
mapfile -t cuts < <(grep -n ';$' "$WORK/p.sql" | grep -v -E '^[0-9]+:(SET |SELECT |--| |END;)' | cut -d: -f1)
[ "${#cuts[@]}" -ge 25 ] || fail "only ${#cuts[@]} statement ends in the script"
resumed=0
for line in "${cuts[@]}"; do
  db=$(new_db)
  head -n "$line" "$WORK/p.sql" >"$WORK/cut.sql"
  expect_rc 0 run_client "$db" "$WORK/cut.sql"
  if sql "$db" "SELECT 1 FROM migrac_history LIMIT 1" >/dev/null 2>&1 && [ -n "$(sql "$db" "SELECT 1 FROM migrac_history LIMIT 1")" ]; then
    # Where the cut left a migration recorded in part, the script refuses to run again.
    if [ "$(sql "$db" "SELECT count(*) FROM migrac_history WHERE segments_done < segments_total OR segment_started > 0")" != 0 ]; then
      state_of "$db" >"$WORK/before.state"
      expect_rc 1 run_client "$db" "$WORK/p.sql"
      err_has "a run stopped part-way: migrac upgrade resumes it"
      state_of "$db" >"$WORK/after.state"
      diff -u "$WORK/before.state" "$WORK/after.state" || fail "cut at line $line: the refused rerun changed the database"
      resumed=$((resumed + 1))
    fi
  fi
  expect_rc 0 mp upgrade head --url "$(url_for "$db")"
  equals "$(schema_dump "$db")" "$ref_schema" "cut at line $line: schema after migrac upgrade head"
  equals "$(history_rows "$db" | cut -f1-7)" "$(echo "$ref_history" | cut -f1-7)" "cut at line $line: history rows"
  equals "$(rows_of "$db")" "$ref_rows" "cut at line $line: rows"
  drop_db "$db"
done
echo "ok: ${#cuts[@]} stops, each finished by migrac upgrade head ($resumed in the middle of a migration, refused by a rerun of the script)"

step "stopped by a failing statement: the rerun refuses, migrac upgrade head finishes"
db=$(new_db)
sql "$db" "CREATE TABLE tags (id int)"
expect_rc 1 run_client "$db" "$WORK/p.sql"
err_has "Table 'tags' already exists"
equals "$(sql "$db" "SELECT concat(segments_done, '/', segments_total, ' started ', segment_started) FROM migrac_history WHERE id = '0003_expand_items'")" \
  "3/4 started 4" "0003's row after the failing CREATE TABLE"
state_of "$db" >"$WORK/before.state"
expect_rc 1 run_client "$db" "$WORK/p.sql"
err_has "migrac: the database is at 0003_expand_items (partly applied: 3 of 4 segments recorded), this script starts from base; a run stopped part-way: migrac upgrade resumes it"
state_of "$db" >"$WORK/after.state"
diff -u "$WORK/before.state" "$WORK/after.state" || fail "the refused rerun changed the database"
sql "$db" "DROP TABLE tags"
expect_rc 0 mp upgrade head --url "$(url_for "$db")"
equals "$(schema_dump "$db")" "$ref_schema" "schema after the failure and migrac upgrade head"
equals "$(sql "$db" "SELECT count(*) FROM migrac_history WHERE segments_done = segments_total AND segment_started = 0 AND down_done = 0")" 4 "complete history rows"
equals "$(rows_of "$db")" "$ref_rows" "rows after the failure and migrac upgrade head"
drop_db "$db"
echo "ok: the failing statement left a state migrac upgrade finished"

# ---------------------------------------------------------------------------
step "the downgrade script: to base, nothing to do on a rerun, refused elsewhere"
expect_rc 0 mx downgrade base --sql
cp "$WORK/out" "$WORK/down.sql"
expect_rc 0 run_client "$db1" "$WORK/down.sql"
out_has "migrac: done: $n_ex migrations reverted"
equals "$(tables_of "$db1")" migrac_history "tables after the downgrade script"
equals "$(sql "$db1" "SELECT count(*) FROM migrac_history")" 0 "history rows after the downgrade script"
expect_rc 1 run_client "$db1" "$WORK/down.sql"
err_has "migrac: nothing to do: none of the $n_ex migrations are applied"
expect_rc 0 run_client "$db1" "$WORK/full.sql"
equals "$(schema_dump "$db1")" "$(cat "$WORK/rt.schema")" "schema after the upgrade script again"
state_of "$db3" >"$WORK/before.state"
expect_rc 1 run_client "$db3" "$WORK/down.sql"
head_id=$("$MIGRAC" heads --dir "$ex" 2>/dev/null | awk '{print $1}')
err_has "migrac: the database is at $prev, this script starts from $head_id; nothing was changed"
state_of "$db3" >"$WORK/after.state"
diff -u "$WORK/before.state" "$WORK/after.state" || fail "the refused downgrade script changed the database"
expect_rc 0 mx downgrade "$prev" --sql
cp "$WORK/out" "$WORK/down_to_prev.sql"
expect_rc 0 run_client "$db1" "$WORK/down_to_prev.sql"
expect_rc 0 "$MIGRAC" current --dir "$ex" --url "$(url_for "$db1")"
equals "$(cat "$WORK/out")" "$prev" "current after the downgrade script to $prev"
echo "ok: downgrade scripts"

step "the downgrade script stopped after each statement, then migrac downgrade base"
expect_rc 0 mp downgrade base --sql --dialect mysql
cp "$WORK/out" "$WORK/pd.sql"
mapfile -t cuts < <(grep -n ';$' "$WORK/pd.sql" | grep -v -E '^[0-9]+:(SET |SELECT |--| |END;)' | cut -d: -f1)
[ "${#cuts[@]}" -ge 10 ] || fail "only ${#cuts[@]} statement ends in the downgrade script"
for line in "${cuts[@]}"; do
  db=$(new_db)
  expect_rc 0 mp upgrade head -q --url "$(url_for "$db")"
  head -n "$line" "$WORK/pd.sql" >"$WORK/cut.sql"
  expect_rc 0 run_client "$db" "$WORK/cut.sql"
  if [ "$(sql "$db" "SELECT count(*) FROM migrac_history WHERE down_done > 0 OR segment_started > 0")" != 0 ]; then
    state_of "$db" >"$WORK/before.state"
    expect_rc 1 run_client "$db" "$WORK/pd.sql"
    err_has "a run stopped part-way: migrac downgrade resumes it"
    state_of "$db" >"$WORK/after.state"
    diff -u "$WORK/before.state" "$WORK/after.state" || fail "down cut at line $line: the refused rerun changed the database"
  fi
  expect_rc 0 mp downgrade base --url "$(url_for "$db")"
  equals "$(tables_of "$db")" migrac_history "down cut at line $line: tables after migrac downgrade base"
  equals "$(sql "$db" "SELECT count(*) FROM migrac_history")" 0 "down cut at line $line: history rows"
  drop_db "$db"
done
echo "ok: ${#cuts[@]} stops of the downgrade script, each finished by migrac downgrade base"

echo "ok: live_mysql_script"
