#!/usr/bin/env bash
# Apply speed: the same N small migrations (default 1,000; each one table with
# three columns and an index) applied to a fresh database by
#   psql -1 -f all.sql        the floor: the same statements, one transaction, no bookkeeping
#   migrac upgrade head       one transaction per migration, history rows, run lock
#   alembic upgrade head      Debian's alembic (op.create_table / op.create_index)
#   dbmate up                 npm's dbmate (one .sql file per migration)
# in one run (median of RUNS rounds, default 5), on a throwaway PostgreSQL 15 cluster.
# Then `migrac status` on the up-to-date database beside `alembic current`.
# Prints a table of wall times and ratios, and the targets (apply within 1.5x
# the psql floor, at least 2x faster than Alembic, status under 50 ms).
#   bench/bench_apply.sh [N] [RUNS]
# Installs what it needs: alembic, python3-sqlalchemy, python3-psycopg2 (apt),
# dbmate (npm, into build/bench-npm; it runs offline once installed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000}
runs=${2:-5}

# --- tools
"$root/scripts/bootstrap" --bench  # PostgreSQL 15, Alembic, npm, time, ...
npm_dir="$root/build/bench-npm"
dbmate="$npm_dir/node_modules/.bin/dbmate"
if ! "$dbmate" --version >/dev/null 2>&1; then
  echo "bench: installing dbmate (npm) into $npm_dir" >&2
  mkdir -p "$npm_dir"
  npm install --prefix "$npm_dir" --no-audit --no-fund dbmate >/dev/null 2>&1
  "$dbmate" --version >/dev/null
fi
"$root/scripts/build" >/dev/null
migrac="$root/build/migrac"

# --- a throwaway cluster and the generated projects
work=$(mktemp -d /tmp/migrac-bench-apply.XXXXXX)
cluster=$(mktemp -d /tmp/migrac-bench-pg.XXXXXX)
trap '"$root/scripts/pg-cluster" stop "$cluster" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
exports=$("$root/scripts/pg-cluster" start "$cluster")
eval "$exports"
base="postgresql://postgres@127.0.0.1:$PGPORT"
python3 "$root/bench/apply/gen_apply.py" --count "$n" --out "$work/gen"
gen="$work/gen"

fresh_db() {
  PGOPTIONS="-c client_min_messages=warning" psql "$base/postgres" -X -q -c "DROP DATABASE IF EXISTS bench WITH (FORCE)" -c "CREATE DATABASE bench" >/dev/null
}
# Every tool must have made the same tables and indexes.
check_schema() {
  local tables indexes
  tables=$(psql "$base/bench" -X -At -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename ~ '^t[0-9]+$'")
  indexes=$(psql "$base/bench" -X -At -c "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname ~ '^ix_t[0-9]+_name$'")
  [ "$tables" == "$n" ] && [ "$indexes" == "$n" ] || { echo "bench: $1 made $tables tables, $indexes indexes" >&2; exit 1; }
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# timed NAME DIR CMD...: one run of CMD in DIR; appends "wall cpu" seconds to $work/NAME.
timed() {
  local name=$1 dir=$2; shift 2
  local t0=$EPOCHREALTIME t1
  (cd "$dir" && /usr/bin/time -f "%U %S" -o "$work/time" "$@") >"$work/out" 2>&1 ||
    { echo "bench: $name failed:" >&2; tail -5 "$work/out" >&2; exit 1; }
  t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" '{ printf "%.4f %.3f\n", b - a, $1 + $2 }' "$work/time" >>"$work/$name"
}
# The median wall (or cpu: column 2) seconds of NAME's runs.
med() { median $(awk -v c="${2:-1}" '{ print $c }' "$work/$1"); }

# Rounds: each applies with every tool in turn, so that a change in the
# machine's load falls on all of them alike.
echo "bench: applying $n migrations, $runs rounds (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
for ((r = 0; r < runs; r++)); do
  fresh_db; timed psql "$gen" psql "$base/bench" -X -q -1 -v ON_ERROR_STOP=1 -f all.sql; check_schema psql
  fresh_db; timed migrac "$gen" env MIGRAC_URL="$base/bench" "$migrac" upgrade head --dir migrac -q; check_schema migrac
  fresh_db; timed alembic "$gen/alembic" env DATABASE_URL="$base/bench" alembic upgrade head; check_schema alembic
  fresh_db; timed dbmate "$gen" "$dbmate" --url "$base/bench?sslmode=disable" --migrations-dir dbmate --no-dump-schema up
  check_schema dbmate
done
t_psql=$(med psql); t_migrac=$(med migrac); t_alembic=$(med alembic); t_dbmate=$(med dbmate)
u_psql=$(med psql 2); u_migrac=$(med migrac 2); u_alembic=$(med alembic 2); u_dbmate=$(med dbmate 2)

# status on an up-to-date database of N migrations (migrac's, then alembic's).
fresh_db
MIGRAC_URL="$base/bench" "$migrac" upgrade head --dir "$gen/migrac" -q
for ((i = 0; i < 11; i++)); do
  timed status "$gen" env MIGRAC_URL="$base/bench" "$migrac" status --dir migrac
  grep -q "status: up to date" "$work/out" || { echo "bench: migrac status is not up to date" >&2; exit 1; }
  timed version "$gen" "$migrac" --version
  timed query "$gen" psql "$base/bench" -X -At -c "SELECT count(*) FROM migrac_history"
done
fresh_db
(cd "$gen/alembic" && DATABASE_URL="$base/bench" alembic upgrade head >/dev/null 2>&1)
for ((i = 0; i < 5; i++)); do timed current "$gen/alembic" env DATABASE_URL="$base/bench" alembic current; done
s_migrac=$(med status); c_migrac=$(med status 2); s_alembic=$(med current); c_alembic=$(med current 2)
s_version=$(med version); s_psql=$(med query)
load=$(cut -d' ' -f1-3 /proc/loadavg)

awk -v up="$u_psql" -v um="$u_migrac" -v ua="$u_alembic" -v ud="$u_dbmate" -v n="$n" -v runs="$runs" -v loadavg="$load" -v cm="$c_migrac" -v ca="$c_alembic" -v p="$t_psql" -v m="$t_migrac" -v a="$t_alembic" -v d="$t_dbmate" \
    -v sm="$s_migrac" -v sa="$s_alembic" -v sv="$s_version" -v sp="$s_psql" -v cmd="bench/bench_apply.sh $n $runs" '
function cpu(s) { return s < 0.01 ? "< 10" : sprintf("%.0f", s * 1000) }  # time(1) counts in 10 ms steps
BEGIN {
  printf "\napply %d migrations (one table, three columns, an index each) to a fresh database;\n", n
  printf "median of %d rounds (each round runs every tool in turn); load average at the end: %s\n\n", runs, loadavg
  printf "| tool | command | wall s | vs psql floor | vs migrac | client cpu s |\n|---|---|---:|---:|---:|---:|\n"
  printf "| psql (floor) | psql -1 -f all.sql | %.3f | 1.00x | %.2fx | %.2f |\n", p, p/m, up
  printf "| migrac | migrac upgrade head | %.3f | %.2fx | 1.00x | %.2f |\n", m, m/p, um
  printf "| alembic | alembic upgrade head | %.3f | %.2fx | %.2fx | %.2f |\n", a, a/p, a/m, ua
  printf "| dbmate | dbmate up | %.3f | %.2fx | %.2fx | %.2f |\n", d, d/p, d/m, ud
  printf "\nstatus of an up-to-date database of %d migrations (median of 11 runs; alembic 5)\n\n", n
  printf "| command | wall ms | cpu ms (user+sys) |\n|---|---:|---:|\n"
  printf "| migrac status | %.0f | %s |\n| alembic current | %.0f | %s |\n", sm*1000, cpu(cm), sa*1000, cpu(ca)
  printf "| (for scale: migrac --version) | %.0f | |\n| (for scale: psql, one query) | %.0f | |\n", sv*1000, sp*1000
  printf "\ntargets: apply within 1.5x the floor: %s (%.2fx); 2x faster than alembic: %s (%.1fx); status under 50 ms: %s (%.1f ms)\n",
    (m/p <= 1.5 ? "met" : "MISSED"), m/p, (a/m >= 2 ? "met" : "MISSED"), a/m, (sm < 0.05 ? "met" : "MISSED"), sm*1000
  printf "command: %s\n", cmd
}'
