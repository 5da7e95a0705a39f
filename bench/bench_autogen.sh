#!/usr/bin/env bash
# Import and autogenerate speed: a schema of N tables (default 1,000; each
# with 5 columns, a primary key, a foreign key to the table before it, and 2
# more indexes) in a throwaway PostgreSQL 15 cluster, made by `migrac upgrade`
# of a one-migration project, then
#   migrac import               a baseline of the whole database, into an empty project
#   migrac new --from           the migration that creates it all, in an empty project
#   migrac new --from --check   the project at head held against the database
#   pg_dump --schema-only       the anchor: PostgreSQL's own schema dump
# in turn (median of RUNS rounds, default 5). Each of the migrac commands
# writes and compiles (import; new also lints) what it generates. Prints a table
# of wall times, the target (each at most 1 s) and checks what was written.
#   bench/bench_autogen.sh [N] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000}
runs=${2:-5}

bench_name=autogen
source "$root/bench/pg_tables.sh"

echo "bench: import and autogenerate of $n tables, $runs rounds (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
for ((r = 0; r < runs; r++)); do
  rm -rf "$work/imp" "$work/gen"; mkdir -p "$work/imp" "$work/gen"
  timed import "$migrac" import --url "$url" --dir "$work/imp"
  timed new "$migrac" new everything --from "$url" --dir "$work/gen"
  timed check "$migrac" new again --from "$url" --check --dir "$work/migrations"
  timed pg_dump pg_dump --schema-only --no-owner --no-privileges "$url"
done
for f in "$work/imp/0001_baseline.mig" "$work/gen/0001_everything.mig"; do
  tables=$(grep -c '^create table' "$f"); indexes=$(grep -c '^create index' "$f")
  [ "$tables" == "$n" ] && [ "$indexes" == "$((2 * n))" ] ||
    { echo "bench: $f has $tables tables and $indexes indexes" >&2; exit 1; }
done
grep -q '^ok: ' "$work/check.out" || { echo "bench: --check found differences:" >&2; head "$work/check.out" >&2; exit 1; }
i=$(median $(cat "$work/import")); g=$(median $(cat "$work/new")); c=$(median $(cat "$work/check")); d=$(median $(cat "$work/pg_dump"))
load=$(cut -d' ' -f1-3 /proc/loadavg)

awk -v i="$i" -v g="$g" -v c="$c" -v d="$d" -v n="$n" -v runs="$runs" -v loadavg="$load" \
    -v cmd="bench/bench_autogen.sh $n $runs" '
BEGIN {
  printf "\nimport and autogenerate of a schema of %d tables (5 columns, a primary key, a foreign key, 2 indexes each);\n", n
  printf "median of %d rounds (each round runs every command in turn); load average at the end: %s\n\n", runs, loadavg
  printf "| command | wall s | vs pg_dump |\n|---|---:|---:|\n"
  printf "| migrac import (write, compile) | %.3f | %.2fx |\n", i, i/d
  printf "| migrac new --from (write, compile, lint) | %.3f | %.2fx |\n", g, g/d
  printf "| migrac new --from --check | %.3f | %.2fx |\n", c, c/d
  printf "| pg_dump --schema-only | %.3f | 1.00x |\n", d
  printf "\ntarget: import at most 1 s: %s (%.3f s)\n", (i <= 1.0 ? "met" : "MISSED"), i
  printf "target: new --from at most 1 s: %s (%.3f s)\n", (g <= 1.0 ? "met" : "MISSED"), g
  printf "command: %s\n", cmd
}'
