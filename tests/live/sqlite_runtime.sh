#!/usr/bin/env bash
# The SQLite runtime, end to end with no server: the example project through
# `migrac upgrade`/`downgrade`/`current`/`stamp` on a database file, rows kept
# across the table rebuilds, stamps and relative moves that refuse rather
# than lose records, SQLAlchemy's URL forms (and no file created by a verb
# that only reads), a foreign key violation rolling a migration back, and
# concurrent runners kept apart by the file lock. Prints 'N passed, M failed'.
set -uo pipefail
migrac=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/migrac-live-sqlite.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }
expect() {  # what got want
  if [ "$2" = "$3" ]; then ok; else fail "$1: got '$2', want '$3'"; fi
}

example=(--dir "$root/migrations")
db="$work/app.db"
m() { "$migrac" "$@" "${example[@]}" --url "sqlite:$db" --quiet; }
q() { sqlite3 "$db" "$1"; }

# Up to the backfill, with rows, then to head: the rebuilds of articles
# (0007) and users (0011, 0013 for orders) keep them.
m upgrade 0005_add_slug_to_articles || fail "upgrade to 0005"
q "PRAGMA foreign_keys = ON;
   INSERT INTO users (email, username, password_hash, full_name) VALUES ('a@x', 'ann', 'h', 'Ann A'), ('b@x', 'bob', 'h', NULL);
   INSERT INTO orders (user_id, amount, status) VALUES (1, 10, 'paid'), (2, 5, 'pending'), (2, 7, 'shipped');
   INSERT INTO articles (author_id, title, body) VALUES (1, 'Hello World', 'x'), (2, 'Second', 'y');"
m upgrade head || fail "upgrade head"
expect "current" "$(m current)" "0014_create_active_users_view (head)"
expect "history rows" "$(q 'SELECT count(*), sum(segments_done = segments_total) FROM migrac_history')" "15|15"
expect "users kept" "$(q 'SELECT group_concat(id || display_name, ",") FROM users')" "1Ann A,2bob"
expect "orders kept (cascade did not fire)" "$(q 'SELECT count(*) FROM orders')" "3"
expect "slugs backfilled" "$(q 'SELECT group_concat(slug, ",") FROM articles')" "hello world,second"
expect "foreign keys clean" "$(q 'SELECT count(*) FROM pragma_foreign_key_check')" "0"
expect "the view" "$(q 'SELECT count(*) FROM active_users')" "2"
expect "refunded accepted" "$(q "UPDATE orders SET status = 'refunded' WHERE id = 3; SELECT status FROM orders WHERE id = 3")" "refunded"
q "UPDATE orders SET status = 'shipped' WHERE id = 3"

# Down to base leaves only the history table; relative moves and stamp.
m downgrade base || fail "downgrade base"
expect "empty after downgrade base" "$(q "SELECT group_concat(name) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")" "migrac_history"
m upgrade +2 || fail "upgrade +2"
expect "current after +2" "$(m current)" "0002_add_phone_number_to_users"
m downgrade -1 || fail "downgrade -1"
expect "current after -1" "$(m current)" "0001_create_users_and_orders"
m stamp 0002_add_phone_number_to_users >"$work/out" 2>&1 && fail "stamp of a revision the schema is not at was not refused"
grep -q "the database lacks column 'users.phone_number'" "$work/out" || { cat "$work/out"; fail "stamp refusal names the difference"; }
m stamp 0002_add_phone_number_to_users --force >/dev/null || fail "stamp --force"
expect "current after stamp" "$(m current)" "0002_add_phone_number_to_users"
expect "stamp ran nothing" "$(q "SELECT count(*) FROM pragma_table_info('users') WHERE name = 'phone_number'")" "0"

# Bookkeeping that cannot lose records: a stamp that would remove records,
# "-N" and "+N" beyond what can be done refuse and change nothing.
bdb="$work/bookkeeping.db"
mb() { "$migrac" "$@" "${example[@]}" --url "sqlite:$bdb" --quiet; }
mb upgrade head || fail "upgrade head before the refusals"
dump() { sqlite3 "$bdb" ".dump"; }
before=$(dump)
"$migrac" stamp 0002_add_phone_number_to_users "${example[@]}" --url "sqlite:$bdb" >"$work/out" 2>&1
expect "stamp to an ancestor refused" "$?" "4"
grep -q "would remove 13 records (not 0002_add_phone_number_to_users or its ancestors)" "$work/out" ||
  { fail "stamp refusal message"; cat "$work/out"; }
grep -q "'migrac stamp ID --rehash'" "$work/out" || fail "stamp refusal names --rehash"
expect "nothing changed by the refused stamp" "$(dump)" "$before"
"$migrac" stamp 0002 --rehash "${example[@]}" --url "sqlite:$bdb" >"$work/out" 2>&1
expect "stamp --rehash of an unedited migration" "$?" "0"
expect "--rehash changed nothing" "$(dump)" "$before"
sqlite3 "$bdb" "UPDATE migrac_history SET checksum = 'v1:old' WHERE id = '0003_index_users_phone_number'"
edited=$(dump)
"$migrac" stamp 0003 --rehash "${example[@]}" --url "sqlite:$bdb" >"$work/out" 2>&1
expect "stamp --rehash of an edited record" "$?" "0"
grep -q "re-recorded the checksum of 0003_index_users_phone_number: v1:[0-9a-f]* (was v1:old)" "$work/out" ||
  { fail "--rehash message"; cat "$work/out"; }
expect "--rehash restored exactly that checksum" "$(dump)" "$before"
[ "$edited" != "$before" ] || fail "the edited record was not different"
mb stamp 0012 --purge >/dev/null || fail "stamp --purge"
expect "rows after stamp 0012 --purge" "$(sqlite3 "$bdb" 'SELECT count(*) FROM migrac_history')" "13"
mb stamp head >/dev/null || fail "stamp head after --purge"
before=$(dump)
mb downgrade base || fail "downgrade base before +N"
mb upgrade +6 || fail "upgrade +6"
six=$(dump)
"$migrac" downgrade -50 "${example[@]}" --url "sqlite:$bdb" >"$work/out" 2>&1
expect "downgrade -50 with 6 applied" "$?" "2"
grep -q "relative revision '-50' needs 50 applied migrations, and there are only 6; nothing was reverted" "$work/out" ||
  { fail "downgrade -50 message"; cat "$work/out"; }
expect "nothing reverted by downgrade -50" "$(dump)" "$six"
mb upgrade +7 || fail "upgrade +7"
thirteen=$(dump)
"$migrac" upgrade +5 "${example[@]}" --url "sqlite:$bdb" >"$work/out" 2>&1
expect "upgrade +5 with 2 pending" "$?" "2"
grep -q "relative revision '+5' needs 5 pending migrations, and there are only 2; nothing was applied" "$work/out" ||
  { fail "upgrade +5 message"; cat "$work/out"; }
expect "nothing applied by upgrade +5" "$(dump)" "$thirteen"
mb upgrade +2 || fail "upgrade +2 to head"

# SQLAlchemy's URL forms: three slashes and a relative path from the working
# directory, four for an absolute one; the verbs that only read, and write verbs
# refused before they write, create no file.
mkdir "$work/cwd"
cd "$work/cwd" || fail "cd"
for verb in status current; do
  "$migrac" "$verb" "${example[@]}" --url "sqlite:///./app.db" >"$work/out" 2>&1
  expect "$verb on a missing file" "$?" "3"
  grep -q "sqlite database file ./app.db does not exist" "$work/out" || { fail "$verb message"; cat "$work/out"; }
done
"$migrac" history "${example[@]}" --url "sqlite:///./app.db" >"$work/out" 2>"$work/err"
expect "history on a missing file" "$?" "0"
grep -q "warning: not marking what is applied: sqlite database file ./app.db does not exist" "$work/err" ||
  { fail "history warning"; cat "$work/err"; }
expect "files after the read-only verbs" "$(ls -A)" ""
[ -e /app.db ] && fail "a database file at the filesystem root"
# A write verb refused before it writes creates no file (nor its lock file).
"$migrac" upgrade +20 "${example[@]}" --url "sqlite:///./app.db" >"$work/out" 2>&1
expect "upgrade +20 on a missing file" "$?" "2"
grep -q "relative revision '+20' needs 20 pending migrations" "$work/out" || { fail "upgrade +20 message"; cat "$work/out"; }
"$migrac" upgrade 0099_nope "${example[@]}" --url "sqlite:///./app.db" >"$work/out" 2>&1
expect "upgrade to an unknown id on a missing file" "$?" "2"
"$migrac" downgrade -1 "${example[@]}" --url "sqlite:///./app.db" >"$work/out" 2>&1
expect "downgrade -1 on a missing file" "$?" "2"
"$migrac" stamp 0099_nope "${example[@]}" --url "sqlite:///./app.db" >"$work/out" 2>&1
expect "stamp of an unknown id on a missing file" "$?" "2"
expect "files after the refused write verbs" "$(ls -A)" ""
"$migrac" upgrade +1 "${example[@]}" --url "sqlite:///./app.db" --quiet || fail "upgrade sqlite:///./app.db"
[ -f app.db ] || fail "sqlite:///./app.db is not ./app.db"
expect "four slashes: absolute" "$("$migrac" current "${example[@]}" --url "sqlite:///$work/cwd/app.db")" \
  "0001_create_users_and_orders"
"$migrac" status "${example[@]}" --url "sqlite://cwd/app.db" >"$work/out" 2>&1
expect "a host in a sqlite URL" "$?" "3"
cd "$root" || fail "cd back"

# A rebuild that would leave a row without its parent fails and rolls back.
fix=(--dir "$root/tests/golden/sqlite_rebuild")
fdb="$work/fk.db"
"$migrac" upgrade 0001_users_orders "${fix[@]}" --url "sqlite:$fdb" --quiet || fail "fixture 0001"
sqlite3 "$fdb" "INSERT INTO users (name) VALUES ('ann'); INSERT INTO orders (user_id) VALUES (1), (99);"
"$migrac" upgrade head "${fix[@]}" --url "sqlite:$fdb" >"$work/out" 2>&1
code=$?
expect "violation exit code" "$code" "3"
grep -q "foreign key violation: row 2 of 'orders' has no parent in 'users'" "$work/out" ||
  { fail "violation message"; cat "$work/out"; }
# Only the segment before the transaction (foreign keys off) is recorded.
expect "rolled back" "$("$migrac" current "${fix[@]}" --url "sqlite:$fdb")" \
  "0002_rebuilds (partly applied: 1 of 3 segments)"
expect "age still text" "$(sqlite3 "$fdb" "SELECT type FROM pragma_table_info('users') WHERE name = 'age'")" "TEXT"
# The rerun resumes at the transaction, on a new connection with foreign keys
# on: the driver turns them off for it, so rebuilding users does not cascade.
sqlite3 "$fdb" "DELETE FROM orders WHERE user_id = 99"
"$migrac" upgrade head "${fix[@]}" --url "sqlite:$fdb" --quiet || fail "resumed upgrade"
expect "resumed to head" "$("$migrac" current "${fix[@]}" --url "sqlite:$fdb")" "0003_cancelled (head)"
expect "children kept on resume" "$(sqlite3 "$fdb" "SELECT count(*) FROM orders")" "1"
expect "age now integer" "$(sqlite3 "$fdb" "SELECT type FROM pragma_table_info('users') WHERE name = 'age'")" "INTEGER"

# Four runners at once: each migration applied exactly once.
cdb="$work/concurrent.db"
pids=()
for i in 1 2 3 4; do
  "$migrac" upgrade head "${example[@]}" --url "sqlite:$cdb" --quiet >"$work/run$i" 2>&1 &
  pids+=($!)
done
for i in 1 2 3 4; do
  wait "${pids[$((i - 1))]}" || grep -q "another runner" "$work/run$i" || { fail "runner $i"; cat "$work/run$i"; }
done
expect "concurrent history" "$(sqlite3 "$cdb" 'SELECT count(*), count(DISTINCT id) FROM migrac_history')" "15|15"
expect "concurrent current" "$("$migrac" current "${example[@]}" --url "sqlite:$cdb")" "0014_create_active_users_view (head)"

# sqlite::memory: runs too (a database that lives for one run).
"$migrac" upgrade head "${example[@]}" --url "sqlite::memory:" --quiet || fail "sqlite::memory:"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
