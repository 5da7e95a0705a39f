#!/usr/bin/env bash
# `migrac adopt`: a database another tool migrated to the middle of its
# history continues under migrac. dbmate is the real tool (npm package
# `dbmate`, installed into a cache folder); golang-migrate has no Debian
# package, so its table is written as the tool documents it
# (schema_migrations(version bigint, dirty boolean), one row) after psql
# applied its files; Flyway's flyway_schema_history likewise. After adopt,
# `upgrade head` applies the rest and the schema equals a full psql apply;
# the tool's table is left as it was; a dirty or failed state is refused
# with nothing recorded.
source "$(dirname "$0")/lib.sh"

PROJECTS="$MIGRAC_SOURCE_DIR/tests/projects"
HALF=18

dump() {
  pg_dump --schema-only --no-owner --no-privileges --exclude-table=migrac_history \
    --exclude-table=schema_migrations --exclude-table=flyway_schema_history \
    "$(url_for "$1")" | grep -vE '^(--|\\restrict|\\unrestrict|SET |SELECT pg_catalog)' | sed '/^$/d'
}
psql_file() {
  psql "$(url_for "$1")" -X -q -v ON_ERROR_STOP=1 -f "$2" >/dev/null 2>"$WORK/psql.err" \
    || { cat "$WORK/psql.err"; fail "psql failed on $2"; }
}
no_history() {
  equals "$(sql "$1" "SELECT to_regclass('public.migrac_history') IS NULL")" t "$2: nothing recorded"
}

# The full golang-migrate history applied with psql: the reference schema.
ref=$(new_db)
for f in $(ls "$PROJECTS/golang-migrate"/*.up.sql | sort); do psql_file "$ref" "$f"; done
dump "$ref" >"$WORK/ref.sql"

step "golang-migrate: half the history applied, its table at version $HALF"
gm="$WORK/golang-migrate"
cp -r "$PROJECTS/golang-migrate" "$gm"
db=$(new_db)
for f in $(ls "$gm"/*.up.sql | sort | head -n $HALF); do psql_file "$db" "$f"; done
sql "$db" "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)"
sql "$db" "INSERT INTO schema_migrations (version, dirty) VALUES ($HALF, false)"
url=$(url_for "$db")
expect_rc 0 "$MIGRAC" adopt --from golang-migrate --dir "$gm" --url "$url"
out_has "recorded $HALF migrations from golang-migrate's schema_migrations (000001 .. 0000$HALF)"
equals "$(sql "$db" "SELECT count(*) FROM migrac_history WHERE method = 'adopt'")" "$HALF" "recorded rows"
expect_rc 0 "$MIGRAC" adopt --from golang-migrate --dir "$gm" --url "$url"
out_has "nothing to record"
expect_rc 0 "$MIGRAC" status --dir "$gm" --url "$url"
out_has "pending"
expect_rc 0 "$MIGRAC" upgrade head --dir "$gm" --url "$url"
dump "$db" >"$WORK/gm.sql"
diff -u "$WORK/ref.sql" "$WORK/gm.sql" || fail "golang-migrate: schemas differ"
equals "$(sql "$db" "SELECT version || ' ' || dirty FROM schema_migrations")" "$HALF false" \
  "schema_migrations left as it was"
expect_rc 0 "$MIGRAC" status --dir "$gm" --url "$url"
out_has "up to date"

step "golang-migrate: a dirty state is refused, nothing recorded"
dirty=$(new_db)
for f in $(ls "$gm"/*.up.sql | sort | head -n 3); do psql_file "$dirty" "$f"; done
sql "$dirty" "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)"
sql "$dirty" "INSERT INTO schema_migrations VALUES (4, true)"
expect_rc 4 "$MIGRAC" adopt --from golang-migrate --dir "$gm" --url "$(url_for "$dirty")"
err_has "golang-migrate left the database dirty at version 4"
err_has "nothing was recorded"
no_history "$dirty" dirty

step "golang-migrate: a version no file has is refused"
sql "$dirty" "UPDATE schema_migrations SET version = 99, dirty = false"
expect_rc 4 "$MIGRAC" adopt --from golang-migrate --dir "$gm" --url "$(url_for "$dirty")"
err_has "the database is at version 99, which no file has"
no_history "$dirty" "unknown version"

step "dbmate (the real tool, from npm): half the history, adopt, the rest"
cache=${MIGRAC_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/migrac-npm}
if [ ! -x "$cache/node_modules/.bin/dbmate" ]; then
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund --silent dbmate@2 >/dev/null \
    || fail "npm install dbmate failed"
fi
DBMATE="$cache/node_modules/.bin/dbmate"
"$DBMATE" --version >/dev/null || fail "dbmate does not run"
dm="$WORK/dbmate"
cp -r "$PROJECTS/dbmate" "$dm"
mkdir -p "$WORK/dbmate-half"
for f in $(ls "$dm"/*.sql | sort | head -n $HALF); do cp "$f" "$WORK/dbmate-half/"; done
db=$(new_db)
url=$(url_for "$db")
dbmate_url="$url"
[[ $dbmate_url == *\?* ]] || dbmate_url="$dbmate_url?sslmode=disable"
"$DBMATE" --url "$dbmate_url" --migrations-dir "$WORK/dbmate-half" --no-dump-schema up \
  >"$WORK/dbmate.out" 2>&1 || { cat "$WORK/dbmate.out"; fail "dbmate up failed"; }
equals "$(sql "$db" "SELECT count(*) FROM schema_migrations")" "$HALF" "dbmate's rows"
before=$(sql "$db" "SELECT string_agg(version, ',' ORDER BY version) FROM schema_migrations")
expect_rc 0 "$MIGRAC" adopt --from dbmate --dir "$dm" --url "$url"
out_has "recorded $HALF migrations from dbmate's schema_migrations"
expect_rc 0 "$MIGRAC" upgrade head --dir "$dm" --url "$url"
dump "$db" >"$WORK/dm.sql"
diff -u "$WORK/ref.sql" "$WORK/dm.sql" || fail "dbmate: schemas differ"
equals "$(sql "$db" "SELECT string_agg(version, ',' ORDER BY version) FROM schema_migrations")" \
  "$before" "dbmate's table left as it was"
expect_rc 0 "$MIGRAC" status --dir "$dm" --url "$url"
out_has "up to date"

step "flyway: its table as Flyway documents it; a failed row is refused"
fw="$WORK/flyway"
cp -r "$PROJECTS/flyway" "$fw"
rm -f "$fw"/R__*.sql  # adopting repeatables: live_repeatables.sh
db=$(new_db)
url=$(url_for "$db")
sql "$db" "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50),
  description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL,
  checksum int, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(),
  execution_time int NOT NULL, success boolean NOT NULL)"
rank=0
for f in $(for g in "$fw"/V*.sql; do v=${g##*/V}; echo "${v%%__*} $g"; done | sort -V -k1,1 | cut -d' ' -f2 | head -n $HALF); do
  psql_file "$db" "$f"
  rank=$((rank + 1))
  v=$(basename "$f" | sed -E 's/^V([0-9.]+)__.*/\1/')
  sql "$db" "INSERT INTO flyway_schema_history VALUES ($rank, '$v', 'd', 'SQL', '$(basename "$f")', 0, 'me', now(), 1, true)"
done
sql "$db" "UPDATE flyway_schema_history SET success = false WHERE installed_rank = $rank"
expect_rc 4 "$MIGRAC" adopt --from flyway --dir "$fw" --url "$url"
err_has "flyway_schema_history has a failed migration"
no_history "$db" flyway
sql "$db" "UPDATE flyway_schema_history SET success = true"
expect_rc 0 "$MIGRAC" adopt --from flyway --dir "$fw" --url "$url"
out_has "recorded $HALF migrations from flyway's flyway_schema_history"
expect_rc 0 "$MIGRAC" upgrade head --dir "$fw" --url "$url"
dump "$db" >"$WORK/fw.sql"
diff -u "$WORK/ref.sql" "$WORK/fw.sql" || fail "flyway: schemas differ"

step "alembic: the user names the migration of the recorded revision"
al=$(new_db)
sql "$al" "CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY)"
sql "$al" "INSERT INTO alembic_version VALUES ('ae1027a6acf')"
for f in $(ls "$gm"/*.up.sql | sort | head -n 2); do psql_file "$al" "$f"; done
expect_rc 2 "$MIGRAC" adopt --from alembic --dir "$gm" --convention golang-migrate --url "$(url_for "$al")"
expect_rc 0 "$MIGRAC" adopt --from alembic 000002 --dir "$gm" --convention golang-migrate --url "$(url_for "$al")"
out_has "recorded 2 migrations from alembic revision ae1027a6acf as 000002"
echo "ok"
