#!/usr/bin/env bash
# Introspection speed: a schema of N tables (default 1,000; each with 5
# columns, a primary key, a foreign key to the table before it, and 2 more
# indexes) in a throwaway PostgreSQL 15 cluster, made by `migrac upgrade` of a
# one-migration project, read by
#   migrac schema --live      pg_catalog into the model, printed as CREATE statements
#   migrac diff               drift: compile the project, read the catalogs, compare
#   pg_dump --schema-only     the anchor: PostgreSQL's own schema dump
# in turn (median of RUNS rounds, default 7). Prints a table of wall times,
# the targets (introspection under 0.5 s, diff under 1 s) and checks what each
# printed (both read the whole schema; diff finds no difference).
#   bench/bench_introspect.sh [N] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000}
runs=${2:-7}

bench_name=introspect
source "$root/bench/pg_tables.sh"

echo "bench: reading a schema of $n tables, $runs rounds (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
for ((r = 0; r < runs; r++)); do
  timed migrac "$migrac" schema --live --url "$url"
  timed diff "$migrac" diff --url "$url" --dir "$work/migrations"
  timed pg_dump pg_dump --schema-only --no-owner --no-privileges "$url"
  timed psql psql "$url" -X -At -c "SELECT 1"
done
creates=$(grep -c '^CREATE TABLE' "$work/migrac.out")
indexes=$(grep -c '^CREATE INDEX' "$work/migrac.out")
fks=$(grep -c 'FOREIGN KEY' "$work/migrac.out")
[ "$creates" == "$n" ] && [ "$indexes" == "$((2 * n))" ] && [ "$fks" == "$((n - 1))" ] ||
  { echo "bench: migrac printed $creates tables, $indexes indexes, $fks foreign keys" >&2; exit 1; }
grep -q '^no differences' "$work/diff.out" || { echo "bench: diff found differences:" >&2; head "$work/diff.out" >&2; exit 1; }
dump_tables=$(grep -c '^CREATE TABLE' "$work/pg_dump.out")
[ "$dump_tables" == "$((n + 1))" ] || { echo "bench: pg_dump printed $dump_tables tables (want the schema and the history table)" >&2; exit 1; }
m=$(median $(cat "$work/migrac")); f=$(median $(cat "$work/diff")); d=$(median $(cat "$work/pg_dump")); q=$(median $(cat "$work/psql"))
load=$(cut -d' ' -f1-3 /proc/loadavg)

awk -v m="$m" -v f="$f" -v d="$d" -v q="$q" -v n="$n" -v runs="$runs" -v loadavg="$load" \
    -v cmd="bench/bench_introspect.sh $n $runs" '
BEGIN {
  printf "\nread a schema of %d tables (5 columns, a primary key, a foreign key, 2 indexes each);\n", n
  printf "median of %d rounds (each round runs every command in turn); load average at the end: %s\n\n", runs, loadavg
  printf "| command | wall s | vs pg_dump |\n|---|---:|---:|\n"
  printf "| migrac schema --live | %.3f | %.2fx |\n", m, m/d
  printf "| migrac diff | %.3f | %.2fx |\n", f, f/d
  printf "| pg_dump --schema-only | %.3f | 1.00x |\n", d
  printf "| (for scale: psql, one query) | %.3f | |\n", q
  printf "\ntarget: introspection under 0.5 s: %s (%.3f s)\n", (m < 0.5 ? "met" : "MISSED"), m
  printf "target: diff under 1 s: %s (%.3f s)\n", (f < 1.0 ? "met" : "MISSED"), f
  printf "command: %s\n", cmd
}'
