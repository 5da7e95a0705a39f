# Shared helpers of the live tests (sourced). Each test gets its own database
# inside the cluster of MIGRAC_TEST_PG_URL (scripts/test starts one for the
# whole ctest run), so tests run in parallel; the database is dropped on exit.
#   MIGRAC             the migrac binary (set by ctest)
#   MIGRAC_SOURCE_DIR  the source tree (for migrations/)
set -euo pipefail

if [ -z "${MIGRAC_TEST_PG_URL:-}" ]; then
  echo "FAIL: MIGRAC_TEST_PG_URL is not set (run through scripts/test, or eval \"\$(scripts/pg-cluster start DIR)\")" >&2
  exit 1
fi
: "${MIGRAC:?MIGRAC must name the migrac binary}"
: "${MIGRAC_SOURCE_DIR:?MIGRAC_SOURCE_DIR must name the source tree}"
unset MIGRAC_URL DATABASE_URL PGPASSWORD

TEST_NAME=$(basename "$0" .sh)
WORK=$(mktemp -d "/tmp/migrac-${TEST_NAME}.XXXXXX")
BACKGROUND=()
ON_EXIT=()  # commands run at exit (before the work folder goes)

# The URL of the test cluster with another database name.
url_for() {
  local base=${MIGRAC_TEST_PG_URL%%\?*} query=""
  [[ $MIGRAC_TEST_PG_URL == *\?* ]] && query="?${MIGRAC_TEST_PG_URL#*\?}"
  echo "${base%/*}/$1$query"
}

# Conditions that keep a query of pg_locks (alias l) or pg_stat_activity
# (alias a) to the database it runs in: tests share the cluster and run in
# parallel, and databases copied from one template share their tables' oids.
HERE_LOCKS="l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
HERE_SESSIONS="a.datname = current_database()"

admin_sql() { psql "$MIGRAC_TEST_PG_URL" -X -q -v ON_ERROR_STOP=1 -At -c "$1"; }
# sql DB STATEMENT: one statement in database DB, rows unaligned.
sql() { psql "$(url_for "$1")" -X -q -v ON_ERROR_STOP=1 -At -c "$2"; }

# new_db [TEMPLATE]: a fresh database with a unique name; prints the name.
# Tests call it as $(new_db), a subshell, so the names made so far are kept in
# a file (a variable set there would be lost): the count makes the next name,
# the test's pid keeps it apart from parallel tests', and cleanup drops them.
DATABASES_FILE="$WORK/databases"
: >"$DATABASES_FILE"
new_db() {
  local n; n=$(($(wc -l <"$DATABASES_FILE") + 1))
  local name="${TEST_NAME,,}_$$_$n"
  echo "$name" >>"$DATABASES_FILE"
  if [ -n "${1:-}" ]; then admin_sql "CREATE DATABASE $name TEMPLATE $1" >/dev/null
  else admin_sql "CREATE DATABASE $name" >/dev/null; fi
  echo "$name"
}

cleanup() {
  local rc=$?
  for pid in "${BACKGROUND[@]}"; do kill "$pid" 2>/dev/null || true; done
  while read -r db; do admin_sql "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done <"$DATABASES_FILE"
  for cmd in "${ON_EXIT[@]}"; do eval "$cmd" >/dev/null 2>&1 || true; done
  if [ $rc -eq 0 ]; then rm -rf "$WORK"; else echo "(work files kept in $WORK)" >&2; fi
}
trap cleanup EXIT

# True when golden case DIR is valid for DIALECT: it has no dialects file, or
# its dialects file names DIALECT on a line of its own.
case_on() { [ ! -f "$1/dialects" ] || grep -qx "$2" "$1/dialects"; }

# A private copy of the example project (tests edit it).
copy_project() {
  local dir="$WORK/${1:-project}"
  mkdir -p "$dir"
  cp "$MIGRAC_SOURCE_DIR"/migrations/*.mig "$dir"/
  echo "$dir"
}

source "$(dirname "${BASH_SOURCE[0]}")/assert.sh"

# Catalog facts.
table_exists() { [ "$(sql "$1" "SELECT to_regclass('public.$2') IS NOT NULL")" == t ]; }
column_exists() {
  [ "$(sql "$1" "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '$2' AND column_name = '$3'")" == 1 ]
}
history_count() { sql "$1" "SELECT count(*) FROM migrac_history"; }
complete_count() {
  sql "$1" "SELECT count(*) FROM migrac_history WHERE segments_done = segments_total AND down_done = 0 AND segment_started = 0"
}
invalid_indexes() { sql "$1" "SELECT count(*) FROM pg_index WHERE NOT indisvalid"; }
# The schema, as pg_dump prints it (without comments and the random key of
# \restrict), and the history rows without their times.
catalog_dump() {
  pg_dump --schema-only --no-owner --no-privileges "$(url_for "$1")" | grep -Ev '^(--|\\(un)?restrict |$)'
  sql "$1" "SELECT id, checksum, parents, segments_done, segments_total, down_done, segment_started FROM migrac_history ORDER BY id"
}

# The example project's head schema, checked in the catalog (one query).
check_head_schema() {
  local db=$1 facts want
  facts=$(sql "$db" "SELECT concat_ws(' | ',
    (SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'),
    (SELECT string_agg(viewname, ',') FROM pg_views WHERE schemaname = 'public'),
    (SELECT string_agg(column_name || ':' || is_nullable, ',' ORDER BY column_name) FROM information_schema.columns
      WHERE table_schema = 'public' AND ((table_name = 'users' AND column_name IN ('display_name', 'full_name', 'phone_number'))
                                      OR (table_name = 'articles' AND column_name = 'slug'))),
    (SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
      WHERE t.typname = 'order_status'),
    (SELECT string_agg(conname, ',') FROM pg_constraint WHERE conname = 'uq_articles_slug' AND contype = 'u'),
    (SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE indexname IN ('ix_users_phone_number', 'ix_users_display_name')),
    'invalid ' || (SELECT count(*) FROM pg_index WHERE NOT indisvalid),
    'rows ' || (SELECT count(*) FROM migrac_history),
    'complete ' || (SELECT count(*) FROM migrac_history WHERE segments_done = segments_total AND down_done = 0 AND segment_started = 0))")
  want="article_tags,articles,migrac_history,order_status_history,orders,tags,users | active_users"
  want+=" | display_name:NO,phone_number:YES,slug:NO | pending,paid,shipped,refunded,cancelled | uq_articles_slug"
  want+=" | ix_users_display_name,ix_users_phone_number | invalid 0 | rows $N_MIGRATIONS | complete $N_MIGRATIONS"
  [ "$facts" == "$want" ] || fail "head schema of $db:
  got:  $facts
  want: $want"
}
N_MIGRATIONS=$(ls "$MIGRAC_SOURCE_DIR"/migrations/*.mig | wc -l)
HEAD_ID=$(ls "$MIGRAC_SOURCE_DIR"/migrations/*.mig | sort | tail -1 | xargs basename | sed 's/\.mig$//')
