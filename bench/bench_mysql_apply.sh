#!/usr/bin/env bash
# Apply speed on MariaDB: the same N small migrations (default 1,000; each one
# table with three columns and an index) applied to a fresh database by
#   mariadb < all.sql         the floor: the same statements in one client session, no bookkeeping
#   migrac upgrade head       each statement its own recorded step, run lock, history rows
#   dbmate up                 npm's dbmate (one .sql file per migration)
# in one run (median of RUNS rounds, default 5), on a throwaway MariaDB 10.11
# server (tests/mariadb.sh). all.sql and dbmate's files hold exactly the SQL
# `migrac sql head --dialect mysql` prints (with its lock_wait_timeout
# settings), so every tool runs the same statements. Prints a table of wall
# times and ratios, and the targets (within 1.5x of the floor, faster than dbmate).
#   bench/bench_mysql_apply.sh [N] [RUNS]
# Installs what it needs: MariaDB and npm (scripts/bootstrap --bench), dbmate
# (npm, into build/bench-npm; it runs offline once installed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000}
runs=${2:-5}

"$root/scripts/bootstrap" --bench  # MariaDB server and client, npm, ...
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

source "$root/tests/mariadb.sh"
work=$(mktemp -d /tmp/migrac-bench-mysql.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/server"
trap 'mariadb_stop "$work/server"; rm -rf "$work"' EXIT
mariadb_start "$work/server" bench_mysql_apply >&2 || exit 1
sock="$work/server/sock"

# --- the project, and the same SQL for the client and for dbmate
gen="$work/gen"
mkdir -p "$gen/migrac" "$gen/dbmate"
python3 - "$n" "$gen/migrac" <<'EOF'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
parent = None
for i in range(1, n + 1):
    mid, table = "%05d_create_t%05d" % (i, i), "t%05d" % i
    text = "-- Benchmark migration %d: table %s with an index.\n" % (i, table)
    if parent:
        text += "after %s;\n" % parent
    text += ("\ncreate table %s (\n  id bigint primary key,\n  name varchar(100) not null,\n"
             "  created_at timestamptz not null default now()\n);\n"
             "create index on %s (name);\n" % (table, table))
    with open("%s/%s.mig" % (out, mid), "w") as f:
        f.write(text)
    parent = mid
EOF
"$migrac" sql head --dialect mysql --dir "$gen/migrac" >"$gen/all.sql" 2>/dev/null
# One dbmate file per migration: that migration's statements from the same script.
awk -v dir="$gen/dbmate" '
  /^-- migration: / { id = $3; file = dir "/" id ".sql"; print "-- migrate:up" > file; next }
  file != "" && !/^--/ && !/^$/ { print >> file }
' "$gen/all.sql"
for f in "$gen"/dbmate/*.sql; do printf '\n-- migrate:down\n' >>"$f"; done

fresh_db() { "${client[@]}" -e "DROP DATABASE IF EXISTS bench; CREATE DATABASE bench"; }
check_schema() {  # every tool must have made the same tables and indexes
  local tables indexes
  tables=$("${client[@]}" -N -e "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'bench' AND table_name RLIKE '^t[0-9]+$'")
  indexes=$("${client[@]}" -N -e "SELECT count(DISTINCT table_name) FROM information_schema.statistics WHERE table_schema = 'bench' AND index_name RLIKE '^ix_t[0-9]+_name$'")
  [ "$tables" == "$n" ] && [ "$indexes" == "$n" ] || { echo "bench: $1 made $tables tables, $indexes indexes" >&2; exit 1; }
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() {  # NAME CMD...: appends the wall seconds of one run to $work/NAME
  local name=$1; shift
  local t0=$EPOCHREALTIME t1
  "$@" >"$work/out" 2>&1 || { echo "bench: $name failed:" >&2; tail -5 "$work/out" >&2; exit 1; }
  t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }' >>"$work/$name"
}
med() { median $(cat "$work/$1"); }

url="mysql://root@localhost/bench?socket=$sock"
echo "bench: applying $n migrations on MariaDB, $runs rounds (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
for ((r = 0; r < runs; r++)); do
  fresh_db; timed client sh -c "\"\$@\" bench < '$gen/all.sql'" sh "${client[@]}"; check_schema client
  fresh_db; timed migrac "$migrac" upgrade head --dir "$gen/migrac" --url "$url" -q; check_schema migrac
  fresh_db; timed dbmate "$dbmate" --url "mysql://root@localhost/bench?socket=$sock" \
    --migrations-dir "$gen/dbmate" --no-dump-schema up
  check_schema dbmate
done
t_client=$(med client); t_migrac=$(med migrac)
t_dbmate=$(med dbmate)
load=$(cut -d' ' -f1-3 /proc/loadavg)
version=$("${client[@]}" -N -e "SELECT VERSION()")

awk -v c="$t_client" -v m="$t_migrac" -v d="$t_dbmate" -v n="$n" -v runs="$runs" -v loadavg="$load" \
    -v ver="$version" -v cmd="bench/bench_mysql_apply.sh $n $runs" '
BEGIN {
  printf "\napply %d migrations (one table, three columns, an index each) to a fresh database on %s;\n", n, ver
  printf "median of %d rounds (each round runs every tool in turn); load average at the end: %s\n\n", runs, loadavg
  printf "| tool | command | wall s | vs client floor | vs migrac |\n|---|---|---:|---:|---:|\n"
  printf "| mariadb client (floor) | mariadb bench < all.sql | %.3f | 1.00x | %.2fx |\n", c, c/m
  printf "| migrac | migrac upgrade head | %.3f | %.2fx | 1.00x |\n", m, m/c
  printf "| dbmate | dbmate up | %.3f | %.2fx | %.2fx |\n", d, d/c, d/m
  printf "\ntargets: within 1.5x of the floor: %s (%.2fx); faster than dbmate: %s\n",
    (m/c <= 1.5 ? "met" : "MISSED"), m/c, (m < d ? "met" : "MISSED") sprintf(" (%.2fx)", d/m)
  printf "command: %s\n", cmd
}'
