#!/usr/bin/env bash
# `migrac check --dev-url mysql://...`: the schema cache of raw SQL migrations
# written from a development database on a throwaway MariaDB 10.11
# (tests/mariadb.sh): the migrations replayed on a scratch database there, an
# entry per raw migration holding the schema as MariaDB's catalogs give it
# (dialect "mysql"), a second run writes nothing, plain check and verify
# pass from the entries, and no scratch database is left behind.
#   live_dev_url_mysql.sh MIGRAC
set -euo pipefail
MIGRAC=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tests/mariadb.sh"
unset MIGRAC_URL DATABASE_URL MIGRAC_DEV_URL MYSQL_PWD

WORK=$(mktemp -d /tmp/migrac-live-devurl-mysql.XXXXXX)
chmod 755 "$WORK"
cleanup() {
  local rc=$?
  mariadb_stop "$WORK/server"
  if [ $rc -eq 0 ]; then rm -rf "$WORK"; else echo "(work files kept in $WORK)" >&2; fi
}
trap cleanup EXIT
mkdir -p "$WORK/server"
mariadb_start "$WORK/server" live_dev_url_mysql || exit 1
server="mysql://root@localhost/mysql?socket=$WORK/server/sock"

source "$(dirname "$0")/assert.sh"
databases() { "${client[@]}" -N -e "SELECT group_concat(schema_name ORDER BY schema_name) FROM information_schema.schemata"; }
before=$(databases)

proj=$WORK/proj; mkdir -p "$proj"
cat >"$proj/0001_users.up.sql" <<'SQL'
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(200) NOT NULL, active boolean NOT NULL DEFAULT true);
SQL
printf 'DROP TABLE users;\n' >"$proj/0001_users.down.sql"
cat >"$proj/0002_nick.mig" <<'MIG'
after 0001_users;

add column users.nick varchar(50);
create index on users (nick);
MIG
cat >"$proj/0003_notes.up.sql" <<'SQL'
-- migrac:after 0002_nick
CREATE TABLE notes (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
SQL
printf 'DROP TABLE notes;\n' >"$proj/0003_notes.down.sql"
m() { "$MIGRAC" "$@" --dir "$proj"; }

step "check --dev-url mysql:// writes the entries of the raw migrations"
expect_rc 0 m check --dev-url "$server"
out_has "schema cache: 2 entries written (3 migrations replayed on a development database), 0 already current"
python3 - "$proj/.schema/0001_users.json" "$proj/.schema/0003_notes.json" <<'PY' || fail "the entries do not hold the schema"
import json, sys
e = json.load(open(sys.argv[1]))
assert e["migration"] == "0001_users" and e["dialect"] == "mysql", e
users = [t for t in e["schema"]["tables"] if t["name"] == "users"][0]
assert [c["name"] for c in users["columns"]] == ["id", "email", "active"], users
e = json.load(open(sys.argv[2]))
names = sorted(t["name"] for t in e["schema"]["tables"])
assert names == ["notes", "users"], names
users = [t for t in e["schema"]["tables"] if t["name"] == "users"][0]
assert "nick" in [c["name"] for c in users["columns"]], users
PY
[ "$(databases)" == "$before" ] || fail "databases after check --dev-url: $(databases), before: $before"

step "a second run writes nothing; check and verify pass from the entries"
expect_rc 0 m check --dev-url "$server"
out_has "schema cache: 0 entries written (0 migrations replayed on a development database), 2 already current"
expect_rc 0 m check --dialect mysql
out_has "ok: 3 migrations checked for mysql"
expect_rc 0 m verify --url "$server"
out_has "the model and the database agree"
[ "$(databases)" == "$before" ] || fail "databases after verify: $(databases), before: $before"

echo "ok: live_dev_url_mysql"
