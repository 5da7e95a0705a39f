#!/usr/bin/env bash
# Flyway repeatables (R__<desc>.sql) of tests/projects/flyway, a view and a
# function: `upgrade head` runs them after every version, in description
# order, and the schema equals the files applied with psql in Flyway's
# order; a rerun runs nothing; an edited one is pending in `status` and the
# next upgrade runs it alone, each run kept in its own history row; a
# downgrade leaves them; the psql script (`upgrade head --sql`) does and
# records what the runtime does. `adopt --from flyway` reads Flyway's runs of
# them (version NULL rows, checksums as Flyway computes them): an unchanged
# one is not run again, a changed one is; adopt refuses a schema that is not
# the model at the adopted version unless --force.
source "$(dirname "$0")/lib.sh"

PROJECTS="$MIGRAC_SOURCE_DIR/tests/projects"
HALF=18

dump() {
  pg_dump --schema-only --no-owner --no-privileges --exclude-table=migrac_history \
    --exclude-table=flyway_schema_history \
    "$(url_for "$1")" | grep -vE '^(--|\\restrict|\\unrestrict|SET |SELECT pg_catalog)' | sed '/^$/d'
}
psql_file() {
  psql "$(url_for "$1")" -X -q -v ON_ERROR_STOP=1 -f "$2" >/dev/null 2>"$WORK/psql.err" \
    || { cat "$WORK/psql.err"; fail "psql failed on $2"; }
}
# The versioned files of DIR in Flyway's order.
versions() { for g in "$1"/V*.sql; do v=${g##*/V}; echo "${v%%__*} $g"; done | sort -V -k1,1 | cut -d' ' -f2; }
# The repeatables' rows of DB: id and checksum, by id.
repeatable_rows() {
  sql "$1" "SELECT string_agg(id || ' ' || checksum, ', ' ORDER BY id) FROM migrac_history WHERE id LIKE 'R\_\_%'"
}
repeatable_ids() {
  sql "$1" "SELECT string_agg(id, ' ' ORDER BY id) FROM migrac_history WHERE id LIKE 'R\_\_%'"
}
# Flyway's checksum of a file: CRC-32 of its lines without line breaks, signed.
flyway_checksum() {
  python3 - "$1" <<'PY'
import sys, zlib
text = open(sys.argv[1], encoding="utf-8").read().lstrip("\ufeff")
crc = 0
for line in text.splitlines():
    crc = zlib.crc32(line.encode("utf-8"), crc)
print(crc - (1 << 32) if crc >= (1 << 31) else crc)
PY
}
# flyway_history DB DIR N: Flyway's table for the first N versions of DIR and a run of each repeatable.
flyway_history() {
  local db=$1 dir=$2 n=$3 rank=0 f v
  sql "$db" "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50),
    description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL,
    checksum int, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(),
    execution_time int NOT NULL, success boolean NOT NULL)"
  for f in $(versions "$dir" | head -n "$n"); do
    rank=$((rank + 1))
    v=$(basename "$f" | sed -E 's/^V([0-9.]+)__.*/\1/')
    sql "$db" "INSERT INTO flyway_schema_history VALUES ($rank, '$v', 'd', 'SQL', '$(basename "$f")',
      $(flyway_checksum "$f"), 'flyway', now(), 1, true)"
  done
  for f in "$dir"/R__*.sql; do
    rank=$((rank + 1))
    sql "$db" "INSERT INTO flyway_schema_history VALUES ($rank, NULL, 'r', 'SQL', '$(basename "$f")',
      $(flyway_checksum "$f"), 'flyway', now(), 1, true)"
  done
}

fw="$WORK/flyway"
cp -r "$PROJECTS/flyway" "$fw"
count=$(versions "$fw" | wc -l)

step "upgrade head runs the repeatables after every version, in description order"
ref=$(new_db)
for f in $(versions "$fw") "$fw"/R__*.sql; do psql_file "$ref" "$f"; done
db=$(new_db)
url=$(url_for "$db")
expect_rc 0 "$MIGRAC" check --dir "$fw"
out_has "2 repeatables"
expect_rc 0 "$MIGRAC" upgrade head --dir "$fw" --url "$url"
dump "$ref" >"$WORK/ref.sql"
dump "$db" >"$WORK/db.sql"
diff -u "$WORK/ref.sql" "$WORK/db.sql" || fail "the schema is not the files applied with psql"
grep -q 'CREATE VIEW public.user_orders' "$WORK/db.sql" || fail "the view was not created"
equals "$(history_count "$db")" "$((count + 2))" "rows after the first upgrade"
equals "$(sql "$db" "SELECT string_agg(id, ' ' ORDER BY applied_at) FROM (SELECT id, applied_at
  FROM migrac_history ORDER BY applied_at DESC LIMIT 2) AS last")" \
  "R__order_total_function#1 R__user_orders_view#1" "the last two runs"

step "a rerun runs nothing"
expect_rc 0 "$MIGRAC" upgrade head --dir "$fw" --url "$url"
equals "$(history_count "$db")" "$((count + 2))" "rows after a rerun"
expect_rc 0 "$MIGRAC" status --dir "$fw" --url "$url"
out_has "status: up to date"

step "an edited repeatable is pending; upgrade runs it alone; both runs stay recorded"
sed -i 's/AS total$/AS total, count(o.id) AS orders/' "$fw/R__user_orders_view.sql"
grep -q 'AS orders' "$fw/R__user_orders_view.sql" || fail "the view was not edited"
expect_rc 0 "$MIGRAC" status --dir "$fw" --url "$url"
out_has "repeatables pending: 1"
out_has "  R__user_orders_view (changed since it last ran)"
out_has "status: 1 pending"
expect_rc 0 "$MIGRAC" upgrade head --dir "$fw" --url "$url"
equals "$(repeatable_ids "$db")" "R__order_total_function#1 R__user_orders_view#1 R__user_orders_view#2" \
  "the repeatables' rows"
equals "$(sql "$db" "SELECT count(DISTINCT checksum) FROM migrac_history WHERE id LIKE 'R\_\_user%'")" 2 \
  "the checksums of the two runs"
equals "$(sql "$db" "SELECT count(*) FROM information_schema.columns WHERE table_name = 'user_orders'
  AND column_name = 'orders'")" 1 "the edited view"
expect_rc 0 "$MIGRAC" status --dir "$fw" --url "$url"
out_has "status: up to date"

step "downgrade never reverts a repeatable"
expect_rc 0 "$MIGRAC" downgrade -1 --dir "$fw" --url "$url"
err_has "repeatable migrations are not reverted"
table_exists "$db" user_orders || fail "the view went with the downgrade"
equals "$(history_count "$db")" "$((count + 2))" "rows after downgrade -1"
expect_rc 0 "$MIGRAC" upgrade head --dir "$fw" --url "$url"
equals "$(history_count "$db")" "$((count + 3))" "rows after upgrading again"

step "upgrade --sql: psql runs and records what the runtime does"
rt=$(new_db)
ps=$(new_db)
expect_rc 0 "$MIGRAC" upgrade head --dir "$fw" --url "$(url_for "$rt")"
expect_rc 0 "$MIGRAC" upgrade head --sql --dir "$fw"
cp "$WORK/out" "$WORK/up.psql"
grep -q 'apply repeatable R__user_orders_view' "$WORK/up.psql" || fail "the script lacks the view"
psql_file "$ps" "$WORK/up.psql"
diff -u <(dump "$rt") <(dump "$ps") || fail "psql and the runtime give different schemas"
equals "$(repeatable_rows "$ps")" "$(repeatable_rows "$rt")" "the repeatables' rows (psql)"
equals "$(history_count "$ps")" "$(history_count "$rt")" "rows (psql)"
psql "$(url_for "$ps")" -X -q -v ON_ERROR_STOP=1 -f "$WORK/up.psql" >"$WORK/rerun.out" 2>&1 \
  || { cat "$WORK/rerun.out"; fail "the script failed on a rerun"; }
grep -q 'nothing to do' "$WORK/rerun.out" || { cat "$WORK/rerun.out"; fail "a rerun did something"; }
equals "$(history_count "$ps")" "$(history_count "$rt")" "rows after rerunning the script"
sed -i 's/coalesce(sum(total), 0)/coalesce(sum(total), 0::numeric)/' "$fw/R__order_total_function.sql"
expect_rc 0 "$MIGRAC" upgrade head --sql --dir "$fw"
psql_file "$ps" "$WORK/out"
expect_rc 0 "$MIGRAC" upgrade head --dir "$fw" --url "$(url_for "$rt")"
equals "$(repeatable_ids "$ps")" "R__order_total_function#1 R__order_total_function#2 R__user_orders_view#1" \
  "the rows after the edited function (psql)"
equals "$(repeatable_rows "$ps")" "$(repeatable_rows "$rt")" "the rows after the edited function"

step "adopt: Flyway ran half the versions and both repeatables; the view changed since"
fa="$WORK/flyway-adopt"
cp -r "$PROJECTS/flyway" "$fa"
ad=$(new_db)
for f in $(versions "$fa" | head -n $HALF) "$fa"/R__*.sql; do psql_file "$ad" "$f"; done
flyway_history "$ad" "$fa" $HALF
sed -i 's/AS total$/AS total, count(o.id) AS orders/' "$fa/R__user_orders_view.sql"
expect_rc 0 "$MIGRAC" adopt --from flyway --dir "$fa" --url "$(url_for "$ad")"
out_has "recorded $HALF migrations from flyway's flyway_schema_history"
out_has "recorded repeatable R__order_total_function as Flyway ran it"
out_has "recorded repeatable R__user_orders_view as Flyway ran it (its file changed since"
expect_rc 0 "$MIGRAC" status --dir "$fa" --url "$(url_for "$ad")"
out_has "  R__user_orders_view (changed since it last ran)"
grep -q 'R__order_total_function' "$WORK/out" && fail "the unchanged function is pending"
expect_rc 0 "$MIGRAC" upgrade head --dir "$fa" --url "$(url_for "$ad")"
equals "$(repeatable_ids "$ad")" "R__order_total_function#1 R__user_orders_view#1 R__user_orders_view#2" \
  "the repeatables' rows after adopt and upgrade"
equals "$(sql "$ad" "SELECT method FROM migrac_history WHERE id = 'R__order_total_function#1'")" adopt \
  "the function's row"
full=$(new_db)
for f in $(versions "$fa") "$fa"/R__*.sql; do psql_file "$full" "$f"; done
diff -u <(dump "$full") <(dump "$ad") || fail "adopt + upgrade is not the files applied with psql"

step "adopt refuses a schema that is not the model at the adopted version, unless --force"
bad=$(new_db)
for f in $(versions "$fa" | head -n $HALF); do psql_file "$bad" "$f"; done
flyway_history "$bad" "$fa" $HALF
sql "$bad" "ALTER TABLE users ADD COLUMN nickname text"
expect_rc 4 "$MIGRAC" adopt --from flyway --dir "$fa" --url "$(url_for "$bad")"
err_has "migrac adopt: the database is not the model at"
err_has "nickname"
err_has "migrac adopt: nothing was recorded"
equals "$(sql "$bad" "SELECT to_regclass('public.migrac_history') IS NULL")" t "nothing recorded"
expect_rc 0 "$MIGRAC" adopt --from flyway --dir "$fa" --url "$(url_for "$bad")" --force
out_has "recorded $HALF migrations from flyway's flyway_schema_history"
echo "ok"
