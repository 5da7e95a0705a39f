#!/usr/bin/env bash
# Runs one fuzz target for a given time, on one core:
#   run.sh FUZZER KIND SECONDS WORKDIR DICT
# KIND (mig, sql or runtime) picks the seed corpus (seeds.py, from the golden
# inputs). WORKDIR keeps the corpus the fuzzer grows (reused by the next run)
# and, on failure, the input that crashed, leaked, broke a check or timed out
# (artifacts/). Exit 0 when the time ran out with nothing found; prints the
# executions and coverage either way.
set -euo pipefail
fuzzer=$1 kind=$2 seconds=$3 work=$4 dict=$5
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work/corpus" "$work/artifacts"
python3 "$here/seeds.py" "$kind" "$work/seeds" >/dev/null
log="$work/fuzz.log"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:allocator_may_return_null=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -dict="$dict" -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
  "$work/corpus" "$work/seeds" >"$log" 2>&1 || status=$?
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
cov=$(grep -oE '(cov|ft|corp): [0-9/a-zA-Z]+' "$log" | tail -3 | tr '\n' ' ')
echo "fuzz $kind: ${seconds}s, ${execs:-?} executions, ${cov:-no stats}, exit $status"
if [ "$status" -ne 0 ]; then
  grep -vE '^#[0-9]+' "$log" | tail -60
  ls -l "$work/artifacts" >&2
fi
exit "$status"
