#!/usr/bin/env bash
# `migrac fmt` on a throwaway project: --check and its exit codes, in-place
# writes that touch only .mig files that change, a file with a syntax error
# left as it is, and the rule for migrations a database's history records
# (left alone unless --all, then re-recorded with stamp --rehash), on SQLite.
# Prints 'N passed, M failed'.
set -uo pipefail
migrac=$(realpath "$1")
work=$(mktemp -d /tmp/migrac-fmt.XXXXXX)
trap 'rm -rf "$work"' EXIT
unset MIGRAC_URL DATABASE_URL MIGRAC_DEV_URL
cd "$work"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }
expect() {  # what got want
  if [ "$2" = "$3" ]; then ok; else fail "$1: got '$2', want '$3'"; fi
}
same_file() {  # what file want-file
  if cmp -s "$2" "$3"; then ok; else fail "$1: $2 differs from $3"; diff "$3" "$2"; fi
}

mkdir -p p/migrations canon
cat > p/migrations/0001_users.mig <<'MIG'
-- users and their email
CREATE TABLE users (id bigint identity primary key, email text NOT NULL); -- users
MIG
cat > canon/0001_users.mig <<'MIG'
-- users and their email
create table users (
  id     bigint identity primary key,
  email  text not null
);  -- users
MIG
cat > p/migrations/0002_phone.mig <<'MIG'
after 0001_users;

add column users.phone varchar(20);
MIG
printf -- '-- migrac:after 0002_phone\nALTER TABLE  users   ADD COLUMN x int;\n' > p/migrations/0003_raw.up.sql
cat > p/migrations/0004_more.mig <<'MIG'
after 0003_raw;
add column users.note text;    -- a note
MIG
cat > canon/0004_more.mig <<'MIG'
after 0003_raw;

add column users.note text;  -- a note
MIG
cp -r p/migrations orig

# --check: lists what would change, exit 1, writes nothing.
out=$("$migrac" fmt --check --dir p/migrations 2>"$work/err"); rc=$?
expect "check exit code" "$rc" "1"
expect "check lists the files that would change" "$out" "p/migrations/0001_users.mig
p/migrations/0004_more.mig"
for f in orig/*; do same_file "check wrote nothing" "p/migrations/$(basename "$f")" "$f"; done

# fmt: writes them in place, prints each, leaves the others and no temporary file.
out=$("$migrac" fmt --dir p/migrations 2>"$work/err"); rc=$?
expect "fmt exit code" "$rc" "0"
expect "fmt prints the changed files" "$out" "p/migrations/0001_users.mig
p/migrations/0004_more.mig"
expect "fmt says nothing about history without a URL" "$(cat "$work/err")" ""
same_file "0001 formatted" p/migrations/0001_users.mig canon/0001_users.mig
same_file "0004 formatted" p/migrations/0004_more.mig canon/0004_more.mig
same_file "0002 already canonical" p/migrations/0002_phone.mig orig/0002_phone.mig
same_file "raw sql untouched" p/migrations/0003_raw.up.sql orig/0003_raw.up.sql
expect "no temporary file" "$(ls -A p/migrations | tr '\n' ' ')" \
  "0001_users.mig 0002_phone.mig 0003_raw.up.sql 0004_more.mig "
"$migrac" check --dir p/migrations >/dev/null 2>&1 || fail "the formatted project compiles"

# Idempotent: clean now.
out=$("$migrac" fmt --check --dir p/migrations 2>&1); rc=$?
expect "check after fmt: exit code" "$rc" "0"
expect "check after fmt: nothing listed" "$out" ""
out=$("$migrac" fmt --dir p/migrations 2>&1); rc=$?
expect "fmt again: nothing changed" "$rc:$out" "0:"

# Named files only; a syntax error: diagnostics, the file untouched, exit 1.
printf 'create table (;\n' > p/migrations/0005_bad.mig
printf 'DROP TABLE users;\n' > p/migrations/0006_drop.mig
cp p/migrations/0005_bad.mig bad.orig
out=$("$migrac" fmt p/migrations/0005_bad.mig 2>"$work/err"); rc=$?
expect "syntax error: exit code" "$rc" "1"
expect "syntax error: nothing written" "$out" ""
grep -q "error\[E0201\]" "$work/err" || fail "syntax error: the diagnostic is printed: $(cat "$work/err")"
same_file "syntax error: file untouched" p/migrations/0005_bad.mig bad.orig
grep -q "DROP TABLE" p/migrations/0006_drop.mig || fail "a file not named is not formatted"
out=$("$migrac" fmt --check p/migrations/0006_drop.mig 2>&1); rc=$?
expect "check of one named file" "$rc:$out" "1:p/migrations/0006_drop.mig"
rm p/migrations/0005_bad.mig p/migrations/0006_drop.mig

# Recorded migrations: upgrade to 0002, then mess up 0001..0004 again.
db="$work/app.db"
"$migrac" upgrade 0002_phone --dir p/migrations --url "sqlite:$db" --quiet || fail "upgrade 0002"
cp orig/0001_users.mig orig/0004_more.mig p/migrations/
printf 'after 0001_users;\nADD COLUMN users.phone varchar(20);\n' > p/migrations/0002_phone.mig
cp p/migrations/0001_users.mig p/migrations/0002_phone.mig .
for id in 0001_users 0002_phone; do  # recorded as they now are
  "$migrac" stamp "$id" --rehash --dir p/migrations --url "sqlite:$db" --quiet >/dev/null ||
    fail "rehash the edited $id"
done
printf 'url = sqlite:%s\n' "$db" > migrac.ini  # the URL from migrac.ini, as users configure it
out=$("$migrac" fmt --dir p/migrations 2>"$work/err"); rc=$?
expect "recorded: exit code" "$rc" "0"
expect "recorded: only the unrecorded file written" "$out" "p/migrations/0004_more.mig"
expect "recorded: one line naming them and --all" "$(cat "$work/err")" \
  "migrac fmt: left alone 2 migrations the database's history records, whose checksum would change: 0001_users, 0002_phone (--all formats them too)"
same_file "recorded 0001 untouched" p/migrations/0001_users.mig 0001_users.mig
same_file "recorded 0002 untouched" p/migrations/0002_phone.mig 0002_phone.mig
"$migrac" status --dir p/migrations --quiet >/dev/null 2>&1 || fail "status agrees after fmt"
out=$("$migrac" fmt --check --dir p/migrations 2>/dev/null); rc=$?
expect "recorded: check is clean when only recorded files differ" "$rc:$out" "0:"

out=$("$migrac" fmt --all --dir p/migrations 2>"$work/err"); rc=$?
expect "--all: exit code" "$rc" "0"
expect "--all: the recorded files written" "$out" "p/migrations/0001_users.mig
p/migrations/0002_phone.mig"
expect "--all: says how to re-record them" "$(cat "$work/err")" \
  "migrac fmt: reformatted 2 migrations the database's history records: 0001_users, 0002_phone; 'migrac stamp ID --rehash' re-records the checksum of each"
same_file "--all: 0001 formatted" p/migrations/0001_users.mig canon/0001_users.mig
"$migrac" status --dir p/migrations >/dev/null 2>&1; rc=$?
expect "status sees the reformatted files as edited" "$rc" "4"
for id in 0001_users 0002_phone; do
  "$migrac" stamp "$id" --rehash --dir p/migrations --quiet >/dev/null || fail "rehash $id"
done
"$migrac" status --dir p/migrations >/dev/null 2>&1 || fail "status agrees after the rehash"
rm migrac.ini

# A configured SQLite file that does not exist records nothing, and is not created.
cp orig/0001_users.mig p/migrations/
out=$("$migrac" fmt --dir p/migrations --url "sqlite:$work/none.db" 2>&1); rc=$?
expect "missing sqlite file: formats all" "$rc:$out" "0:p/migrations/0001_users.mig"
[ -e "$work/none.db" ] && fail "fmt created the missing SQLite file"

# A database that cannot be reached: exit 3, nothing written.
cp orig/0001_users.mig p/migrations/
"$migrac" fmt --dir p/migrations --url "postgresql://migrac@127.0.0.1:1/none" >/dev/null 2>"$work/err"
expect "unreachable database: exit code" "$?" "3"
same_file "unreachable database: nothing written" p/migrations/0001_users.mig orig/0001_users.mig

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
