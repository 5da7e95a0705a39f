#!/usr/bin/env bash
# Lint speed: migrac on N raw SQL migrations and on the N equivalent .mig
# migrations, beside squawk (npm squawk-cli) on the same N SQL files, in one
# run, with one printed table (median wall time of 7 interleaved runs each).
#
#   bench/bench_lint.sh [N]        N defaults to 1000
#
# The .mig history comes from bench/gen_history.py; the SQL files are its
# PostgreSQL translation (`migrac sql head --out`), turned into raw migrations:
# a `-- migrac:after` header and the statements; a migration of one
# transactional segment loses its BEGIN/COMMIT (migrac runs the file in a
# transaction), one with several segments keeps them and is marked
# `-- migrac:no-transaction`. squawk is installed under build/squawk-npm on
# first use.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000}
migrac=${MIGRAC:-$root/build/migrac}
[ -x "$migrac" ] || { echo "bench_lint: build migrac first (scripts/build)"; exit 2; }

work=$(mktemp -d /tmp/migrac-bench-lint.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 "$root/bench/gen_history.py" --count "$n" --out "$work/mig" >/dev/null
"$migrac" sql head --dir "$work/mig" --out "$work/emitted" >/dev/null
python3 - "$work/emitted" "$work/sql" <<'PY'
import os, re, sys
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst)
ups = sorted(f for f in os.listdir(src) if f.endswith(".up.sql"))
prev = None
for name in ups:
    text = open(os.path.join(src, name)).read()
    segments = re.findall(r"^-- segment \d+/\d+: (.*)$", text, re.M)
    single = segments == ["in a transaction"]
    keep = []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("--") or (single and s in ("BEGIN;", "COMMIT;")):
            continue
        keep.append(line)
    body = "\n".join(keep).strip() + "\n"
    head = f"-- migrac:after {prev}\n" if prev else ""
    if not single:
        head += "-- migrac:no-transaction\n"
    open(os.path.join(dst, name), "w").write(head + body)
    down = name.replace(".up.sql", ".down.sql")
    open(os.path.join(dst, down), "w").write(open(os.path.join(src, down)).read())
    prev = name[: -len(".up.sql")]
PY

squawk="$root/build/squawk-npm/node_modules/.bin/squawk"
if [ ! -x "$squawk" ]; then
  npm install --no-audit --no-fund --prefix "$root/build/squawk-npm" squawk-cli >/dev/null 2>&1 || true
fi

python3 - "$migrac" "$squawk" "$work" "$n" <<'PY'
import os, statistics, subprocess, sys, time
migrac, squawk, work, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
sql_dir, mig_dir = os.path.join(work, "sql"), os.path.join(work, "mig")
sql_files = sorted(os.path.join(sql_dir, f) for f in os.listdir(sql_dir) if f.endswith(".up.sql"))
statements = sum(open(f).read().count(";") for f in sql_files)

# The runs are interleaved (one of each tool per round), so that load from
# other processes on the machine falls on every tool alike.
RUNS = 7
cmds = [("migrac lint", f"{n} raw .up.sql", [migrac, "lint", "--dir", sql_dir, "--format", "github"], "::"),
        ("migrac lint", f"{n} .mig", [migrac, "lint", "--dir", mig_dir, "--format", "github"], "::")]
if os.access(squawk, os.X_OK):
    version = subprocess.run([squawk, "--version"], capture_output=True, text=True).stdout.strip()
    cmds.append((version, f"{n} raw .up.sql", [squawk, "--reporter", "gcc"] + sql_files, ": warning: "))
times = [[] for _ in cmds]
found = [0] * len(cmds)
for _ in range(RUNS):
    for i, (_, _, cmd, marker) in enumerate(cmds):
        t = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True)
        times[i].append(time.perf_counter() - t)
        found[i] = sum(1 for l in p.stdout.splitlines() if marker in l)
rows = [(tool, what, statistics.median(times[i]), found[i]) for i, (tool, what, _, _) in enumerate(cmds)]
print(f"lint benchmark: {n} migrations ({statements} SQL statements), median of {RUNS} interleaved runs, {os.cpu_count()} cores")
print(f"| {'tool':<14} | {'input':<16} | {'wall (s)':>8} | {'files/s':>8} | {'findings':>8} |")
print(f"| {'-'*14} | {'-'*16} | {'-'*8}: | {'-'*7}: | {'-'*7}: |")
for tool, what, t, found in rows:
    print(f"| {tool:<14} | {what:<16} | {t:8.3f} | {n / t:8.0f} | {found:8d} |")
if len(rows) == 3:
    print(f"\nmigrac / squawk on the same SQL files: {rows[0][2] / rows[2][2]:.2f}x the time "
          f"({'faster' if rows[0][2] < rows[2][2] else 'slower'})")
else:
    print("\nsquawk: not installed (npm install squawk-cli failed); only migrac measured")
PY
