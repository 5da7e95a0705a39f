#!/usr/bin/env bash
# A new user's first hour, on SQLite (no server): init, new, a users table,
# check, sql, upgrade (the URL from the migrac.ini that init wrote), current,
# history --format json (parsed), a misspelt verb (did-you-mean), and colour:
# --color=always has ANSI escapes, a pipe and NO_COLOR=1 have none, a terminal
# (script(1)'s) has them unless NO_COLOR is set. Prints 'N passed, M failed'.
set -uo pipefail
migrac=$(realpath "$1")
work=$(mktemp -d /tmp/migrac-first-hour.XXXXXX)
trap 'rm -rf "$work"' EXIT
unset MIGRAC_URL DATABASE_URL MIGRAC_DEV_URL NO_COLOR
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }
expect() {  # what got want
  if [ "$2" = "$3" ]; then ok; else fail "$1: got '$2', want '$3'"; fi
}
holds() {  # what text needle
  if grep -qF -- "$3" <<<"$2"; then ok; else fail "$1: '$3' not in: $2"; fi
}
esc=$'\x1b['

mkdir "$work/shop" && cd "$work/shop"

# init: the folder, a commented migrac.ini, the next three commands; never twice.
out=$("$migrac" init 2>&1); rc=$?
expect "init exit code" "$rc" 0
[ -d migrations ] && ok || fail "init made no migrations folder"
holds "init prints the next commands" "$out" "migrac new create_users"
holds "init prints check" "$out" "migrac check"
holds "init prints upgrade" "$out" "migrac upgrade head"
for key in dir dialect url dev_url history_table lock_timeout statement_timeout online; do
  grep -q "^# $key = " migrac.ini && ok || fail "migrac.ini does not name '$key'"
done
for var in MIGRAC_URL DATABASE_URL MIGRAC_DEV_URL; do
  grep -q "$var" migrac.ini && ok || fail "migrac.ini does not name $var"
done
cp migrac.ini "$work/ini.orig"
out=$("$migrac" init 2>&1); rc=$?
expect "a second init is refused" "$rc" 2
holds "a second init says why" "$out" "exists already"
cmp -s migrac.ini "$work/ini.orig" && ok || fail "a second init changed migrac.ini"

# check with no migration yet says what to do; in a folder without a project, init.
out=$("$migrac" check 2>&1); rc=$?
expect "check of an empty project" "$rc" 1
holds "check of an empty project suggests new" "$out" "migrac new NAME"
out=$(cd "$work" && "$migrac" check 2>&1); rc=$?
expect "check without a migrations folder" "$rc" 3
holds "check without a migrations folder suggests init" "$out" "'migrac init'"

# new: a template that compiles as it is.
out=$("$migrac" new "create users" 2>&1); rc=$?
expect "new" "$rc:$out" "0:migrations/0001_create_users.mig"
grep -q "^-- create table users (" migrations/0001_create_users.mig && ok ||
  fail "the template has no commented example"
out=$("$migrac" check 2>&1); rc=$?
expect "check of the bare template" "$rc" 0
cat >> migrations/0001_create_users.mig <<'MIG'
create table users (
  id          bigint identity primary key,
  email       varchar(255) not null unique,
  name        text,
  is_active   bool not null default true,
  created_at  timestamptz not null default now()
);
MIG
out=$("$migrac" new add_phone 2>&1); rc=$?
expect "second new" "$rc:$out" "0:migrations/0002_add_phone.mig"
grep -qx "after 0001_create_users;" migrations/0002_add_phone.mig && ok ||
  fail "the second template lacks its after line"
out=$("$migrac" check 2>&1); rc=$?
expect "check with the second, bare template" "$rc" 0
echo "add column users.phone varchar(20);" >> migrations/0002_add_phone.mig
out=$("$migrac" check 2>&1); rc=$?
expect "check" "$rc" 0
holds "check's summary" "$out" "ok: 2 migrations checked for postgres, head 0002_add_phone"

# sql for SQLite.
out=$("$migrac" sql head --dialect sqlite 2>&1); rc=$?
expect "sql exit code" "$rc" 0
holds "sql has the table" "$out" 'CREATE TABLE users ('

# upgrade with the URL set in migrac.ini (the commented line, uncommented).
sed -i 's|^# url = sqlite:///app.db$|url = sqlite:///app.db|' migrac.ini
grep -qx "url = sqlite:///app.db" migrac.ini && ok || fail "migrac.ini has no url line to uncomment"
out=$("$migrac" upgrade head 2>&1); rc=$?
expect "upgrade" "$rc" 0
[ -f app.db ] && ok || fail "upgrade did not create app.db"
expect "current" "$("$migrac" current 2>&1)" "0002_add_phone (head)"

# history --format json, parsed.
"$migrac" history --format json >"$work/history.json" 2>"$work/err"
expect "history --format json exit code" "$?" 0
python3 - "$work/history.json" <<'PY' && ok || fail "history --format json"
import json, sys
doc = json.load(open(sys.argv[1]))
ids = [m["id"] for m in doc["migrations"]]
assert ids == ["0001_create_users", "0002_add_phone"], ids
first, second = doc["migrations"]
assert first["parents"] == [] and second["parents"] == ["0001_create_users"], doc
assert second["head"] and not first["head"], doc
assert first["applied"] and second["applied"] and second["current"], doc
assert first["message"] == "create users", first
PY
"$migrac" heads --format json >"$work/heads.json" 2>&1
python3 -c 'import json,sys; assert json.load(open(sys.argv[1])) == {"heads": ["0002_add_phone"]}' \
  "$work/heads.json" && ok || fail "heads --format json: $(cat "$work/heads.json")"

# An empty database: current says so.
"$migrac" downgrade base -q >/dev/null 2>&1 || fail "downgrade base"
expect "current on an empty database" "$("$migrac" current 2>&1)" "(no migration applied)"

# A misspelt verb and flag.
out=$("$migrac" upgarde 2>&1); rc=$?
expect "misspelt verb exit code" "$rc" 2
holds "misspelt verb" "$out" "did you mean 'upgrade'?"
out=$("$migrac" sql head --dialekt sqlite 2>&1); rc=$?
expect "misspelt flag exit code" "$rc" 2
holds "misspelt flag" "$out" "did you mean '--dialect'?"
out=$("$migrac" upgrade -1 2>&1); rc=$?
expect "upgrade -1 exit code" "$rc" 2
holds "upgrade -1 points to downgrade" "$out" "migrac downgrade -1"
out=$("$migrac" heads --help 2>&1)
holds "verb help has an example" "$out" "example: migrac heads"
if grep -q -- "--url" <<<"$out"; then fail "heads --help lists --url"; else ok; fi

# Colour: a diagnostic of a broken migration.
echo "add column users.age nosuchtype;" > migrations/0003_age.mig
out=$("$migrac" check --color=always 2>&1)
holds "--color=always colours" "$out" "$esc"
out=$("$migrac" check 2>&1)
if grep -qF "$esc" <<<"$out"; then fail "a pipe got colour"; else ok; fi
out=$(NO_COLOR=1 "$migrac" check 2>&1)
if grep -qF "$esc" <<<"$out"; then fail "NO_COLOR=1 got colour"; else ok; fi
out=$("$migrac" check --color=never 2>&1)
if grep -qF "$esc" <<<"$out"; then fail "--color=never got colour"; else ok; fi
# On a terminal (script(1) gives the command one).
out=$(script -qec "$migrac check" /dev/null 2>&1)
holds "a terminal gets colour" "$out" "$esc"
out=$(NO_COLOR=1 script -qec "$migrac check" /dev/null 2>&1)
if grep -qF "$esc" <<<"$out"; then fail "NO_COLOR=1 on a terminal got colour"; else ok; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
