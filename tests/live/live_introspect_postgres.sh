#!/usr/bin/env bash
# Introspection of PostgreSQL (`migrac schema --live`) on real catalogs.
# 1. The fixture (introspect/fixture.sql: every kind of object the model holds
#    and many it does not), upgraded with introspect/project so that the
#    history table is there too: the output is compared whole with
#    introspect/fixture.expected (MIGRAC_REGEN=1 rewrites it).
# 2. A fixed point, for the example project and every valid golden case that
#    runs on PostgreSQL: upgrade head on a fresh database, print its schema,
#    apply that with psql (ON_ERROR_STOP) to another fresh database, print
#    that one's schema: the CREATE statements are the same text, and the
#    second database holds nothing the model does not.
source "$(dirname "$0")/lib.sh"

here="$MIGRAC_SOURCE_DIR/tests/live/introspect"
live() { "$MIGRAC" schema --live --url "$(url_for "$1")"; }
psql_file() { psql "$(url_for "$1")" -X -q -v ON_ERROR_STOP=1 -f "$2" >"$WORK/psql.out" 2>&1 || { cat "$WORK/psql.out"; fail "psql -f $2 on $1"; }; }

step "the fixture, read whole"
db=$(new_db)
psql_file "$db" "$here/fixture.sql"
expect_rc 0 "$MIGRAC" upgrade head --dir "$here/project" --url "$(url_for "$db")"
table_exists "$db" migrac_history || fail "upgrade made no history table"
expect_rc 0 live "$db"
[ -s "$WORK/err" ] && { cat "$WORK/err"; fail "schema --live wrote to stderr"; }
if [ "${MIGRAC_REGEN:-}" = 1 ]; then
  cp "$WORK/out" "$here/fixture.expected"
  echo "rewrote $here/fixture.expected"
fi
diff -u "$here/fixture.expected" "$WORK/out" || fail "schema --live of the fixture differs from fixture.expected"

step "another history table name"
db2=$(new_db)
expect_rc 0 "$MIGRAC" upgrade head --dir "$here/project" --url "$(url_for "$db2")" --history-table custom_history
expect_rc 0 "$MIGRAC" schema --live --url "$(url_for "$db2")" --history-table custom_history
grep -q custom_history "$WORK/out" && { cat "$WORK/out"; fail "the history table custom_history is read"; }
out_has "CREATE TABLE notes ("
expect_rc 0 live "$db2"
out_has "CREATE TABLE custom_history ("

step "a schema that does not exist"
expect_rc 3 env MIGRAC_URL="$(url_for "$db")?options=-csearch_path%3Dnowhere" "$MIGRAC" schema --live
err_has "no current schema"

# fixed_point NAME DIR: upgrade, print, apply the print elsewhere, print again.
fixed_point() {
  local name=$1 dir=$2 a b
  a=$(new_db); b=$(new_db)
  expect_rc 0 "$MIGRAC" upgrade head --dir "$dir" --url "$(url_for "$a")"
  expect_rc 0 live "$a"
  cp "$WORK/out" "$WORK/$name.a.sql"
  psql_file "$b" "$WORK/$name.a.sql"
  expect_rc 0 live "$b"
  cp "$WORK/out" "$WORK/$name.b.sql"
  if grep -q '^-- not in the model' "$WORK/$name.b.sql"; then
    grep '^-- not in the model' "$WORK/$name.b.sql"
    fail "$name: the copy holds objects the model does not"
  fi
  grep -v '^-- not in the model' "$WORK/$name.a.sql" >"$WORK/$name.a.model.sql" || true
  diff -u "$WORK/$name.a.model.sql" "$WORK/$name.b.sql" || fail "$name: the copy reads back differently"
  admin_sql "DROP DATABASE $a WITH (FORCE)" >/dev/null
  admin_sql "DROP DATABASE $b WITH (FORCE)" >/dev/null
}

step "fixed point: the example project"
fixed_point example "$MIGRAC_SOURCE_DIR/migrations"
grep -q '^-- not in the model: view active_users$' "$WORK/example.a.sql" || fail "example: the view is not listed"
grep -q 'migrac_history' "$WORK/example.a.sql" && fail "example: the history table is read"
[ "$(grep -c '^CREATE TABLE' "$WORK/example.b.sql")" == 6 ] || fail "example: not 6 tables read"

cases=0
for d in "$MIGRAC_SOURCE_DIR"/tests/golden/cases/*/; do
  name=$(basename "$d")
  case $name in fail_* | lint_*) continue ;; esac
  case_on "$d" postgres || continue
  step "fixed point: $name"
  fixed_point "$name" "$d"
  cases=$((cases + 1))
done
[ "$cases" -ge 10 ] || fail "only $cases golden cases read"
echo "ok: the fixture, the example project and $cases golden cases"
