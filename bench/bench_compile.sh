#!/usr/bin/env bash
# Compile speed: a synthetic history of N migrations (default 10,000) that uses
# every operation kind, compiled to PostgreSQL by `migrac sql head` and by
# `alembic upgrade head --sql` on the equivalent Alembic project, in one run.
# The same again on a branchy history of the same size (BRANCHES branch points,
# each a side migration and a merge; gen_history.py --branches), beside the linear one.
# Prints wall time (median of RUNS, migrac's and Alembic's runs alternating),
# peak RSS, migrations per second and the ratios. Each migrac run so follows
# seconds of Alembic, as a run does after other work: on a virtual machine
# that gives freed memory back to its host, that costs more than runs back
# to back (bench/bench_pages.py).
# Then the same linear history at each of SIZES migrations (default 1,000,
# 10,000 and 30,000) beside Alembic, with the peak RSS per migration (which
# must not grow with the history), and where migrac's time goes at N: the
# median of each phase (wall and CPU time) as MIGRAC_TIMINGS reports it.
#   bench/bench_compile.sh [N] [RUNS] [BRANCHES] [SIZES]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-10000}
runs=${2:-5}
branches=${3:-99}
sizes=${4:-1000,10000,30000}
"$root/scripts/bootstrap" --bench
"$root/scripts/build" >/dev/null
migrac="$root/build/migrac"
work=$(mktemp -d /tmp/migrac-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/gen_history.py" --count "$n" --out "$work/mig" --alembic "$work/alembic" >/dev/null
python3 "$root/bench/gen_history.py" --count "$n" --out "$work/bmig" --alembic "$work/balembic" \
  --branches "$branches" >/dev/null

# run_once DIR CMD...: runs CMD once in DIR; sets T (wall seconds, from
# just before the fork to the exit: timed_run.py) and M (peak RSS KiB).
run_once() {
  local dir=$1; shift
  python3 "$root/bench/timed_run.py" "$dir" "$work/out" "$work/err" "$@" >"$work/time" ||
    { echo "failed: $*" >&2; tail -5 "$work/err" >&2; exit 1; }
  read -r T M <"$work/time"
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# measure_pair MDIR "MCMD" ADIR "ACMD": runs the two commands RUNS times each,
# alternately, so that both see the machine in the same state (its speed
# drifts over minutes); sets M_TIME M_RSS M_LINES A_TIME A_RSS A_LINES
# (medians, peaks, and the output lines of the last run).
measure_pair() {
  local mdir=$1 adir=$3 mt=() at=() mcmd acmd
  read -ra mcmd <<<"$2"
  read -ra acmd <<<"$4"
  M_RSS=0 A_RSS=0
  for ((i = 0; i < runs; i++)); do
    run_once "$mdir" "${mcmd[@]}"
    mt+=("$T"); [ "$M" -gt "$M_RSS" ] && M_RSS=$M
    M_LINES=$(wc -l <"$work/out")
    run_once "$adir" "${acmd[@]}"
    at+=("$T"); [ "$M" -gt "$A_RSS" ] && A_RSS=$M
    A_LINES=$(wc -l <"$work/out")
  done
  M_TIME=$(median "${mt[@]}")
  A_TIME=$(median "${at[@]}")
}

measure_pair "$work" "$migrac sql head --dir mig" "$work/alembic" "alembic upgrade head --sql"
m_time=$M_TIME m_rss=$M_RSS m_lines=$M_LINES a_time=$A_TIME a_rss=$A_RSS a_lines=$A_LINES
measure_pair "$work" "$migrac sql head --dir bmig" "$work/balembic" "alembic upgrade head --sql"
bm_time=$M_TIME bm_rss=$M_RSS bm_lines=$M_LINES ba_time=$A_TIME ba_rss=$A_RSS ba_lines=$A_LINES

awk -v n="$n" -v runs="$runs" -v mt="$m_time" -v mr="$m_rss" -v ml="$m_lines" \
    -v at="$a_time" -v ar="$a_rss" -v al="$a_lines" -v b="$branches" \
    -v bmt="$bm_time" -v bmr="$bm_rss" -v bml="$bm_lines" \
    -v bat="$ba_time" -v bar="$ba_rss" -v bal="$ba_lines" 'BEGIN {
  printf "compile %d migrations to PostgreSQL (median of %d runs)\n\n", n, runs
  printf "| history | tool | command | wall s | peak RSS MB | migrations/s | output lines | vs migrac |\n"
  printf "|---|---|---|---:|---:|---:|---:|---:|\n"
  printf "| linear | migrac | migrac sql head | %.3f | %.1f | %.0f | %d | 1.0x |\n", mt, mr/1024, n/(mt>0?mt:0.001), ml
  printf "| linear | alembic | alembic upgrade head --sql | %.3f | %.1f | %.0f | %d | %.1fx slower |\n", at, ar/1024, n/(at>0?at:0.001), al, at/(mt>0?mt:0.001)
  printf "| %d branch points | migrac | migrac sql head | %.3f | %.1f | %.0f | %d | 1.0x |\n", b, bmt, bmr/1024, n/(bmt>0?bmt:0.001), bml
  printf "| %d branch points | alembic | alembic upgrade head --sql | %.3f | %.1f | %.0f | %d | %.1fx slower |\n", b, bat, bar/1024, n/(bat>0?bat:0.001), bal, bat/(bmt>0?bmt:0.001)
  printf "\nmigrac, branchy vs linear: %.2fx the time, %.2fx the peak memory\n", bmt/(mt>0?mt:0.001), bmr/(mr>0?mr:1)
}'

# The linear history at each size. The RSS per migration leaves out what a
# one-migration run takes (the program and its libraries).
python3 "$root/bench/gen_history.py" --count 1 --out "$work/one" >/dev/null
base_rss=0
for ((i = 0; i < runs; i++)); do
  run_once "$work" "$migrac" sql head --dir one
  [ "$M" -gt "$base_rss" ] && base_rss=$M
done
echo
echo "linear histories by size (median of $runs runs; a one-migration run peaks at $((base_rss / 1024)) MB)"
echo
echo "| migrations | migrac s | migrac peak RSS MB | KB per migration above one | alembic s | alembic peak RSS MB | alembic vs migrac |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for size in ${sizes//,/ }; do
  rm -rf "$work/s" "$work/salembic"
  python3 "$root/bench/gen_history.py" --count "$size" --out "$work/s" --alembic "$work/salembic" >/dev/null
  measure_pair "$work" "$migrac sql head --dir s" "$work/salembic" "alembic upgrade head --sql"
  s_time=$M_TIME s_rss=$M_RSS sa_time=$A_TIME sa_rss=$A_RSS
  awk -v n="$size" -v mt="$s_time" -v mr="$s_rss" -v at="$sa_time" -v ar="$sa_rss" -v b="$base_rss" 'BEGIN {
    printf "| %d | %.3f | %.1f | %.2f | %.3f | %.1f | %.1fx slower |\n", n, mt, mr/1024, (mr-b)/n, at, ar/1024, at/(mt>0?mt:0.001)
  }'
done

# Where the time goes at N: each phase's median over the runs.
echo
echo "migrac sql head on $n linear migrations, by phase (MIGRAC_TIMINGS, median of $runs runs)"
echo
for ((i = 0; i < runs; i++)); do
  ( cd "$work" && MIGRAC_TIMINGS=1 "$migrac" sql head --dir mig 2>&1 >/dev/null | grep '^timing ' )
done | awk '
  # timing NAME WALL ms cpu CPU ms resident RES MB
  function median(list,    v, m, i, j, t) {
    m = split(substr(list, 2), v, " ")
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return v[int((m + 1) / 2)]
  }
  { if (!($2 in seen)) { seen[$2] = 1; order[count++] = $2 }
    wall[$2] = wall[$2] " " $3; cpu[$2] = cpu[$2] " " $6; resident[$2] = $9 }
  END {
    print "| phase | wall ms | cpu ms (all threads) | resident after MB |"
    print "|---|---:|---:|---:|"
    for (k = 0; k < count; k++) {
      name = order[k]; w = median(wall[name]); c = median(cpu[name])
      total += w; total_cpu += c
      printf "| %s | %.1f | %.1f | %s |\n", name, w, c, resident[name]
    }
    printf "| (sum of medians) | %.1f | %.1f | |\n", total, total_cpu
  }'
