#!/usr/bin/env bash
# The schema cache of raw SQL migrations with a development database: a raw
# migration whose DO block adds a column with EXECUTE (the static reader
# cannot see it) and a .mig that uses the column. `check` alone does not know
# the column; `check --dev-url` replays the migrations on a scratch database,
# writes the entry and passes; later runs pass offline from the entry; an
# edit makes the entry stale (a warning for check, an error for verify);
# bad servers exit 3; no scratch database is left behind; on branches each
# entry holds its own ancestors' tables only.
source "$(dirname "$0")/lib.sh"

scratch_dbs() { admin_sql "SELECT count(*) FROM pg_database WHERE datname LIKE 'migrac\_verify\_%'"; }
server=$MIGRAC_TEST_PG_URL
before=$(scratch_dbs)

proj=$WORK/proj; mkdir -p "$proj"
cat >"$proj/0001_users.up.sql" <<'SQL'
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
DO $$ BEGIN EXECUTE 'ALTER TABLE users ADD COLUMN ' || 'nick text'; END $$;
SQL
printf 'DROP TABLE users;\n' >"$proj/0001_users.down.sql"
cat >"$proj/0002_nick.mig" <<'MIG'
after 0001_users;

alter column users.nick set not null;
create index on users (nick);
MIG
cat >"$proj/0003_notes.up.sql" <<'SQL'
-- migrac:after 0002_nick
CREATE TABLE notes (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
SQL
printf 'DROP TABLE notes;\n' >"$proj/0003_notes.down.sql"
m() { "$MIGRAC" "$@" --dir "$proj"; }
entry=$proj/.schema/0001_users.json

step "without a development database the DO block's column is unknown"
rc=0; m check >"$WORK/out" 2>"$WORK/err" || rc=$?
[ "$rc" != 0 ] || grep -q "warning\[" "$WORK/err" || fail "check passed silently without the column"
grep -qF "'nick'" "$WORK/err" || { cat "$WORK/err"; fail "check does not name the column 'nick'"; }
[ ! -e "$proj/.schema" ] || fail "check without --dev-url wrote a cache"

step "check --dev-url writes the entries of the raw migrations and passes"
expect_rc 0 m check --dev-url "$server"
out_has "schema cache: 2 entries written (3 migrations replayed on a development database), 0 already current"
out_has "ok: 3 migrations checked for postgres"
[ -f "$entry" ] || fail "no entry $entry"
[ -f "$proj/.schema/0003_notes.json" ] || fail "no entry for 0003_notes"
ls -a "$proj/.schema" | grep -q tmp && fail "a temporary file is left in .schema"
python3 - "$entry" <<'PY' || fail "the entry does not hold the column 'nick'"
import json, sys
e = json.load(open(sys.argv[1]))
assert e["migration"] == "0001_users" and e["dialect"] == "postgres" and e["key"].startswith("v1:"), e
users = [t for t in e["schema"]["tables"] if t["name"] == "users"][0]
assert [c["name"] for c in users["columns"]] == ["id", "email", "nick"], users
PY
grep -q '"nick"' "$proj/.schema/0003_notes.json" || fail "0003's entry lacks the column"
equals "$(scratch_dbs)" "$before" "scratch databases after check --dev-url"

step "a second run writes nothing; plain check passes offline from the entries"
expect_rc 0 m check --dev-url "$server"
out_has "schema cache: 0 entries written (0 migrations replayed on a development database), 2 already current"
expect_rc 0 m check
[ ! -s "$WORK/err" ] || { cat "$WORK/err"; fail "plain check with current entries says something"; }
out_has "ok: 3 migrations checked for postgres"
expect_rc 0 m schema
out_has "nick"
expect_rc 0 env MIGRAC_DEV_URL="postgresql://nobody@127.0.0.1:1/none" "$MIGRAC" check --dir "$proj"
out_has "2 already current"

step "verify holds the model (from the entries) against the database: they agree"
expect_rc 0 m verify --url "$server"
out_has "the model and the database agree"

step "editing the raw migration makes its entry stale: a warning for check, an error for verify"
cat >"$proj/0001_users.up.sql" <<'SQL'
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
DO $$ BEGIN EXECUTE 'ALTER TABLE users ADD COLUMN ' || 'nick varchar(40)'; END $$;
SQL
rc=0; m check >"$WORK/out" 2>"$WORK/err" || rc=$?
err_has "0001_users.up.sql:1:1: warning[W0710]: the schema cache entry '$proj/.schema/0001_users.json' is stale"
err_has "help: \`migrac check --dev-url URL\` refreshes it"
err_has "warning[W0710]: the schema cache entry '$proj/.schema/0003_notes.json' is stale"
expect_rc 1 m verify --url "$server"
err_has "0001_users.up.sql:1:1: error[E0711]: the schema cache entry of raw migration '0001_users' is not current"
err_has "error[E0711]: the schema cache entry of raw migration '0003_notes' is not current"
equals "$(scratch_dbs)" "$before" "scratch databases after verify"

step "the refresh rewrites both stale entries; the entry of a missing one is an error for verify"
expect_rc 0 m check --dev-url "$server"
out_has "schema cache: 2 entries written (3 migrations replayed on a development database), 0 already current"
grep -q '"length": 40' "$entry" || fail "the refreshed entry lacks varchar(40)"
expect_rc 0 m verify --url "$server"
rm "$proj/.schema/0003_notes.json"
expect_rc 1 m verify --url "$server"
err_has "error[E0711]: the schema cache entry of raw migration '0003_notes' is missing"
expect_rc 0 m check --dev-url "$server"
out_has "schema cache: 1 entry written (3 migrations replayed on a development database), 1 already current"

step "a migration that fails on the development database: exit 1, nothing written"
cat >"$proj/0004_bad.up.sql" <<'SQL'
-- migrac:after 0003_notes
CREATE TABLE widgets (id bigint PRIMARY KEY);
DO $$ BEGIN EXECUTE 'ALTER TABLE no_such_table ADD COLUMN x int'; END $$;
SQL
expect_rc 1 m check --dev-url "$server"
err_has "'0004_bad' does not apply on the development database"
[ ! -e "$proj/.schema/0004_bad.json" ] || fail "an entry was written for a failing migration"
ls -a "$proj/.schema" | grep -q tmp && fail "a temporary file is left in .schema"
equals "$(scratch_dbs)" "$before" "scratch databases after a failing migration"
rm "$proj/0004_bad.up.sql"

step "an unreachable development database: exit 3, a clear message"
rm "$entry"
expect_rc 3 m check --dev-url "postgresql://nobody@127.0.0.1:1/none"
err_has "migrac check: the development database:"
[ ! -e "$entry" ] || fail "an entry was written without a database"
printf 'dev_url = postgresql://nobody@127.0.0.1:1/none\n' >"$WORK/migrac.ini"
expect_rc 3 m check --config "$WORK/migrac.ini"
expect_rc 3 env MIGRAC_DEV_URL="postgresql://nobody@127.0.0.1:1/none" "$MIGRAC" check --dir "$proj"
equals "$(scratch_dbs)" "$before" "scratch databases at the end"

step "on branches each entry is the schema of its own ancestors"
bproj=$WORK/branches; mkdir -p "$bproj"
printf 'CREATE TABLE base (id bigint PRIMARY KEY);\n' >"$bproj/0001_base.up.sql"
printf -- '-- migrac:after 0001_base\nCREATE TABLE side_b (id bigint PRIMARY KEY);\n' \
  >"$bproj/0002_b.up.sql"
printf -- '-- migrac:after 0001_base\nCREATE TABLE side_c (id bigint PRIMARY KEY);\n' \
  >"$bproj/0002_c.up.sql"
for id in 0001_base 0002_b 0002_c; do printf 'SELECT 1;\n' >"$bproj/$id.down.sql"; done
expect_rc 0 "$MIGRAC" check --dir "$bproj" --dev-url "$server"
# 0002_c's database is made anew: the one of 0002_b holds a table 0002_c cannot see.
out_has "schema cache: 3 entries written (4 migrations replayed on a development database), 0 already current"
python3 - "$bproj/.schema" <<'PY' || fail "an entry holds a table of another branch"
import json, sys
def tables(id):
    return sorted(t["name"] for t in json.load(open(f"{sys.argv[1]}/{id}.json"))["schema"]["tables"])
assert tables("0001_base") == ["base"], tables("0001_base")
assert tables("0002_b") == ["base", "side_b"], tables("0002_b")
assert tables("0002_c") == ["base", "side_c"], tables("0002_c")
PY
equals "$(scratch_dbs)" "$before" "scratch databases after the branches"
echo "ok"
