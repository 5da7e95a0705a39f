#!/usr/bin/env bash
# Directories of other tools read as they are (tests/projects/, written by
# tests/projects/generate.py): golang-migrate, dbmate and Flyway. For each,
# `check` detects the convention and gives one head; `upgrade head` gives the
# same schema (pg_dump, without the history tables) as applying the up files
# in order with psql; `downgrade base` empties the schema and `upgrade head`
# again gives it back. Then a mixed project: a .mig migration after the last
# dbmate version.
source "$(dirname "$0")/lib.sh"

PROJECTS="$MIGRAC_SOURCE_DIR/tests/projects"

# The schema of database DB as pg_dump prints it, without comments, blank
# lines, \restrict lines and the history tables.
dump() {
  pg_dump --schema-only --no-owner --no-privileges --exclude-table=migrac_history \
    --exclude-table=schema_migrations --exclude-table=flyway_schema_history \
    "$(url_for "$1")" | grep -vE '^(--|\\restrict|\\unrestrict|SET |SELECT pg_catalog)' | sed '/^$/d'
}

# up_files CONVENTION DIR: the files (or, for dbmate, the up sections written
# to $WORK) to give psql, in the tool's order.
up_files() {
  local conv=$1 dir=$2
  case "$conv" in
    golang-migrate) ls "$dir"/*.up.sql | sort ;;
    flyway) for f in "$dir"/V*.sql; do v=${f##*/V}; echo "${v%%__*} $f"; done | sort -V -k1,1 | cut -d' ' -f2 ;;
    dbmate)
      mkdir -p "$WORK/dbmate-up"
      for f in $(ls "$dir"/*.sql | sort); do
        sed -n '/^-- migrate:up/,/^-- migrate:down/p' "$f" >"$WORK/dbmate-up/$(basename "$f")"
        echo "$WORK/dbmate-up/$(basename "$f")"
      done ;;
  esac
}

empty=$(new_db)
empty_dump=$(dump "$empty")

for conv in golang-migrate dbmate flyway; do
  step "$conv: check detects the convention and gives one head"
  dir="$WORK/$conv"
  cp -r "$PROJECTS/$conv" "$dir"
  # Flyway's repeatables are live_repeatables.sh's: this is the versioned history.
  rm -f "$dir"/R__*.sql
  count=$(ls "$dir" | grep -cE '^(V.*\.sql|[0-9]+_.*\.up\.sql|[0-9]+_[^.]*\.sql)$')
  [ "$count" -ge 30 ] || fail "$conv: only $count migrations"
  expect_rc 0 "$MIGRAC" check --dir "$dir"
  err_has "reading '$dir' as a $conv directory (detected"
  out_has "ok: $count migrations checked for postgres, head "
  grep -q 'heads ' "$WORK/out" && fail "$conv: more than one head: $(cat "$WORK/out")"

  step "$conv: upgrade head gives the schema of the up files applied with psql"
  ref=$(new_db)
  for f in $(up_files "$conv" "$dir"); do
    psql "$(url_for "$ref")" -X -q -v ON_ERROR_STOP=1 -f "$f" >/dev/null 2>"$WORK/psql.err" \
      || { cat "$WORK/psql.err"; fail "$conv: psql failed on $f"; }
  done
  db=$(new_db)
  url=$(url_for "$db")
  expect_rc 0 "$MIGRAC" upgrade head --dir "$dir" --url "$url"
  dump "$ref" >"$WORK/$conv.ref.sql"
  dump "$db" >"$WORK/$conv.migrac.sql"
  diff -u "$WORK/$conv.ref.sql" "$WORK/$conv.migrac.sql" || fail "$conv: schemas differ"
  grep -q 'CREATE TABLE public.payments' "$WORK/$conv.ref.sql" || fail "$conv: the reference is empty"
  equals "$(sql "$db" "SELECT count(*) FROM migrac_history")" "$count" "$conv: recorded migrations"

  step "$conv: downgrade base, then upgrade head again"
  expect_rc 0 "$MIGRAC" downgrade base --dir "$dir" --url "$url"
  equals "$(dump "$db")" "$empty_dump" "$conv: the schema after downgrade base"
  expect_rc 0 "$MIGRAC" upgrade head --dir "$dir" --url "$url"
  dump "$db" >"$WORK/$conv.again.sql"
  diff -u "$WORK/$conv.ref.sql" "$WORK/$conv.again.sql" || fail "$conv: schemas differ after the cycle"
  expect_rc 0 "$MIGRAC" status --dir "$dir" --url "$url"
done

step "mixed: a .mig migration after the last dbmate version"
dir="$WORK/dbmate"
last=$(ls "$dir"/*.sql | sort | tail -1 | xargs basename | cut -d_ -f1)
cat >"$dir/0100_settings.mig" <<MIG
after $last;

create table settings (
  key text primary key,
  value text not null
);
MIG
expect_rc 0 "$MIGRAC" check --dir "$dir"
out_has "head 0100_settings"
db=$(new_db)
url=$(url_for "$db")
expect_rc 0 "$MIGRAC" upgrade head --dir "$dir" --url "$url"
table_exists "$db" settings || fail "mixed: settings was not created"
equals "$(sql "$db" "SELECT parents FROM migrac_history WHERE id = '0100_settings'")" "$last" \
  "mixed: the parent recorded"

step "a set convention wins over detection; an unknown one is a usage error"
expect_rc 2 "$MIGRAC" check --dir "$dir" --convention liquibase
err_has "expected migrac, golang-migrate, dbmate or flyway for convention"
expect_rc 1 "$MIGRAC" check --dir "$WORK/flyway" --convention golang-migrate
echo "ok"
