# What the PostgreSQL schema benchmarks share (sourced after `root`, `n` and
# `bench_name` are set): the packages, a build, a throwaway PostgreSQL 15
# cluster with database `bench` ($url), and in it a schema of $n tables made by
# `migrac upgrade` of the one-migration project $work/migrations (table t<i>:
# 5 columns, a primary key, a foreign key to t<i-1>, 2 more indexes). Gives
# `median` and `timed NAME CMD...` (one run: its wall seconds appended to
# $work/NAME, its output in $work/NAME.out).
"$root/scripts/bootstrap" --bench  # PostgreSQL 15, Alembic, npm, time, ...
[ -x "$root/build/migrac" ] || "$root/scripts/build" >/dev/null
migrac="$root/build/migrac"

work=$(mktemp -d "/tmp/migrac-bench-$bench_name.XXXXXX")
cluster=$(mktemp -d /tmp/migrac-bench-pg.XXXXXX)
trap '"$root/scripts/pg-cluster" stop "$cluster" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
eval "$("$root/scripts/pg-cluster" start "$cluster")"
url="postgresql://postgres@127.0.0.1:$PGPORT/bench"
psql "postgresql://postgres@127.0.0.1:$PGPORT/postgres" -X -q -c "CREATE DATABASE bench"

# The schema: table t<i> references t<i-1>.
mkdir -p "$work/migrations"
for ((i = 1; i <= n; i++)); do
  ref=""
  [ "$i" -gt 1 ] && ref=" references t$((i - 1)) (id)"
  cat <<MIG
create table t$i (
  id int identity primary key,
  parent_id int$ref,
  name varchar(100) not null,
  amount numeric(12,2) not null default 0,
  created_at timestamptz not null default now()
);
create index on t$i (name);
create index on t$i (created_at) where amount > 0;
MIG
done >"$work/migrations/0001_schema.mig"
"$migrac" upgrade head --dir "$work/migrations" --url "$url" -q
psql "$url" -X -q -c "ANALYZE"

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# timed NAME CMD...: one run; appends its wall seconds to $work/NAME, its output to $work/NAME.out.
timed() {
  local name=$1; shift
  local t0=$EPOCHREALTIME t1
  "$@" >"$work/$name.out" 2>"$work/err" || { echo "bench: $name failed:" >&2; cat "$work/err" >&2; exit 1; }
  t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }' >>"$work/$name"
}

