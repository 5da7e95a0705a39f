#!/usr/bin/env bash
# The exit codes of the README, one failure per row: 0 ok, 1 the migrations
# have errors, 2 usage, 3 database or I/O failure, 4 the database disagrees
# with the files. SQLite files and an unreachable PostgreSQL port only: no
# server needed. Under --format json a failure is a JSON document on stdout.
# Prints the table and 'N passed, M failed'.
set -uo pipefail
migrac=$(realpath "$1")
work=$(mktemp -d /tmp/migrac-exit-codes.XXXXXX)
trap 'rm -rf "$work"' EXIT
unset MIGRAC_URL DATABASE_URL MIGRAC_DEV_URL NO_COLOR
cd "$work"
passed=0 failed=0

# row WANT DESCRIPTION -- ARGS...: runs migrac ARGS, holds its exit code against WANT.
row() {
  local want=$1 what=$2
  shift 3
  "$migrac" "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [ "$got" = "$want" ]; then
    passed=$((passed + 1))
    printf '  ok   %s  %s\n' "$got" "$what"
  else
    failed=$((failed + 1))
    printf '  FAIL %s  %s (want %s)\n' "$got" "$what" "$want"
    sed 's/^/       /' "$work/err"
  fi
}
# has FILE TEXT DESCRIPTION: the last run's stdout or stderr holds TEXT.
has() {
  if grep -qF -- "$2" "$work/$1"; then passed=$((passed + 1)); else
    failed=$((failed + 1))
    echo "  FAIL $3: $1 lacks '$2'"
    sed 's/^/       /' "$work/$1"
  fi
}

mkdir -p p/migrations
cat > p/migrations/0001_users.mig <<'MIG'
create table users (id bigint identity primary key, email text not null);
MIG
cat > p/migrations/0002_phone.mig <<'MIG'
after 0001_users;
add column users.phone varchar(20);
MIG
cat > p/migrations/0003_pets.mig <<'MIG'
after 0002_phone;
create table pets (id bigint identity primary key, name text);
MIG
mkdir -p bad/migrations
cat > bad/migrations/0001_x.mig <<'MIG'
create table t (id bigint primary key);
add column t.name nosuchtype;
MIG
mkdir -p forked/migrations
cp p/migrations/0001_users.mig forked/migrations/
printf 'after 0001_users;\nadd column users.a text;\n' > forked/migrations/0002_a.mig
printf 'after 0001_users;\nadd column users.b text;\n' > forked/migrations/0002_b.mig
P=(--dir p/migrations)
db="sqlite:$work/app.db"
down="postgresql://migrac@127.0.0.1:1/none"

echo "exit code  failure"
row 0 "check of good migrations" -- check "${P[@]}"
row 0 "upgrade head on a new SQLite file" -- upgrade head "${P[@]}" --url "$db" -q
row 0 "upgrade head again (nothing to do)" -- upgrade head "${P[@]}" --url "$db" -q
row 1 "check of migrations with an error" -- check --dir bad/migrations
row 1 "sql of migrations with an error" -- sql head --dir bad/migrations
row 1 "upgrade head with two heads" -- upgrade head --dir forked/migrations --url "sqlite:$work/f.db"
row 2 "no verb" --
row 2 "unknown verb" -- upgarde
has err "did you mean 'upgrade'?" "did-you-mean of a verb"
row 2 "unknown flag" -- sql head --sqll "${P[@]}"
row 2 "misspelt flag" -- upgrade --sqll "${P[@]}"
has err "did you mean '--sql'?" "did-you-mean of a flag"
row 2 "upgrade -1" -- upgrade -1 "${P[@]}" --url "$db"
has err "'migrac downgrade -1'" "upgrade -1 points to downgrade"
row 2 "bad --color value" -- check --color=sometimes "${P[@]}"
row 2 "unknown format" -- history --format yaml "${P[@]}"
row 2 "unknown dialect" -- check --dialect oracle "${P[@]}"
row 2 "unknown revision" -- sql 0009_nope "${P[@]}"
has err "migrac: unknown revision '0009_nope'" "unknown revision named"
row 2 "ambiguous revision prefix" -- sql 000 "${P[@]}"
has err "  0001_users" "ambiguous prefix lists its candidates"
has err "  0003_pets" "ambiguous prefix lists every candidate"
row 2 "upgrade +5 beyond the head" -- upgrade +5 "${P[@]}" --url "sqlite:$work/other.db"
row 2 "current without a database URL" -- current "${P[@]}"
row 2 "a second argument" -- check extra "${P[@]}"
"$migrac" init p2 >/dev/null || { failed=$((failed + 1)); echo "  FAIL init p2"; }
row 2 "init where migrac.ini exists" -- init p2
row 1 "new on two heads" -- new more --dir forked/migrations
row 3 "--dir naming a missing folder" -- check --dir no/such/dir
has err "migrac init" "a missing folder suggests init"
row 3 "history of a missing folder" -- history --dir no/such/dir
row 3 "current on a missing SQLite file" -- current "${P[@]}" --url "sqlite:$work/missing.db"
row 3 "current on an unreachable server" -- current "${P[@]}" --url "$down"
row 3 "status on an unreachable server, --format json" -- status "${P[@]}" --url "$down" --format json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["status"] == "failed" and d["exit_code"] == 3 and d["error"]["message"]' "$work/out"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "  FAIL the connection error is no JSON document:"; cat "$work/out"
fi
row 3 "upgrade on an unreachable server" -- upgrade head "${P[@]}" --url "$down"
touch plain_file
row 3 "init in a folder that cannot be made" -- init plain_file/sub
cp -r p edited
printf '\n-- an edit\n' >> edited/migrations/0002_phone.mig
row 4 "upgrade after an applied migration was edited" -- upgrade head --dir edited/migrations --url "$db" -q
row 4 "status with an edited applied migration" -- status --dir edited/migrations --url "$db"
mkdir -p fewer/migrations
cp p/migrations/0001_users.mig p/migrations/0002_phone.mig fewer/migrations/
row 4 "status with an applied migration unknown to the files" -- status --dir fewer/migrations --url "$db"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
