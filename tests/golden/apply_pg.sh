#!/usr/bin/env bash
# Applies the emitted PostgreSQL of the example project and of every valid
# golden case to a real PostgreSQL (MIGRAC_TEST_PG_URL, from scripts/test):
# the up script with `psql -v ON_ERROR_STOP=1` from empty, the down script back
# to an empty schema, and the up script again. Every script also parses with
# libpg_query (pg_parse_check). Prints 'N passed, M failed'.
set -uo pipefail
migrac=$(realpath "$1")
parse_check=$(realpath "$2")
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${MIGRAC_TEST_PG_URL:?MIGRAC_TEST_PG_URL is not set: run through scripts/test}"

work=$(mktemp -d /tmp/migrac-apply.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
base_url=${MIGRAC_TEST_PG_URL%/*}

objects() {  # relations and enum types left in the public schema
  psql "$1" -XtAq -c "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public') + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e')"
}

check_dir() {  # name dir
  local name=$1 dir=$2 db="apply_$$_$RANDOM"
  local up="$work/$name.up.sql" down="$work/$name.down.sql"
  # From the case's folder, so that a migrac.ini there (convention = ...) is read.
  if ! (cd "$dir" && "$migrac" sql head --dir .) >"$up" 2>"$work/err" ||
     ! (cd "$dir" && "$migrac" sql --down base --dir .) >"$down" 2>>"$work/err"; then
    echo "FAIL $name: migrac sql failed"; cat "$work/err"; failed=$((failed + 1)); return
  fi
  if ! "$parse_check" "$up" "$down"; then
    echo "FAIL $name: emitted SQL does not parse with libpg_query"; failed=$((failed + 1)); return
  fi
  psql "$MIGRAC_TEST_PG_URL" -XqAt -c "CREATE DATABASE $db" || { failed=$((failed + 1)); return; }
  local url="$base_url/$db" step steps="up down up"
  # Flyway repeatables are never reverted (their views hold tables the way down
  # drops), so such a case is applied up only; live_repeatables runs it whole.
  compgen -G "$dir/R__*.sql" >/dev/null && steps="up"
  for step in $steps; do
    local script=$up; [ $step = down ] && script=$down
    if ! psql "$url" -Xq -v ON_ERROR_STOP=1 -f "$script" >"$work/out" 2>&1; then
      echo "FAIL $name: $step script failed"; cat "$work/out"; failed=$((failed + 1))
      psql "$MIGRAC_TEST_PG_URL" -XqAt -c "DROP DATABASE $db" >/dev/null 2>&1; return
    fi
    if [ $step = down ] && [ "$(objects "$url")" != 0 ]; then
      echo "FAIL $name: the down script left objects behind"; failed=$((failed + 1))
      psql "$MIGRAC_TEST_PG_URL" -XqAt -c "DROP DATABASE $db" >/dev/null 2>&1; return
    fi
  done
  psql "$MIGRAC_TEST_PG_URL" -XqAt -c "DROP DATABASE $db" >/dev/null
  passed=$((passed + 1))
}

check_dir example "$root/migrations"
for d in "$root"/tests/golden/cases/*/; do
  name=$(basename "$d")
  case $name in fail_*) continue ;; esac
  if [ -f "$d/dialects" ] && ! grep -qx postgres "$d/dialects"; then continue; fi
  check_dir "$name" "$d"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
