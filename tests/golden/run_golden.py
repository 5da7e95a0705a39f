#!/usr/bin/env python3
"""Golden tests: every case under tests/golden/cases/<name>/ is a migrations
directory; its expected outputs live in <name>/expected/ and are compared whole.

For each case the runner records, with the exit code appended:
  check.txt            `migrac check --dir <name>`
  <dialect>.up.sql     `migrac sql head --dialect <dialect>`    (when check passes)
  <dialect>.down.sql   `migrac sql --down base --dialect <dialect>`
A case named fail_* must produce at least one non-zero exit; any other case
must produce none. A file <name>/commands adds outputs, one per line:
`<output-file> <migrac arguments>` (the directory arguments are appended),
e.g. `lint.json lint --format json`. A file <name>/args replaces `--dir <name>`.
Dialects come from the file <name>/dialects if present (one per line), else
from --dialects.

A lint case (named lint_* or fail_lint_*) is about its lint output only: the
runner records just the outputs of its commands file, every one a `migrac lint`
run (one per format the case shows), and no check.txt or SQL of its setup
migrations. Its migrations are PostgreSQL's (what the rules read), so it has no
dialects file.

A file <name>/every_format runs the case through every verb that compiles, in
every output format (EVERY_FORMAT below: check, sql per dialect, psql, down,
schema, upgrade/downgrade --sql, lint text/json/sarif/github). A fail_* case
with it must exit in each of them as `check` does, and when that is 1 (errors
in the migrations), with an error at a position: `path:L:C: error[` in text,
a located error in JSON, SARIF and GitHub output.

The stdout of every output named *.json or *.sarif must parse as JSON (unless
the run stopped at a usage or I/O error, exit 2 or 3, with only a message).

  run_golden.py MIGRAC              compare (exit 1 on any difference)
  run_golden.py MIGRAC --regen      rewrite every expected/ folder
  run_golden.py MIGRAC --codes DEF  also check that every E and W code in the
                                    registry appears in some expected output
"""
import argparse
import difflib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
ROOT = os.path.dirname(os.path.dirname(HERE))
# Codes no golden case can produce, with the test that asserts them instead:
# these rules compare the history with a git base branch (lint --base).
CODES_ELSEWHERE = {
    "W0651": "tests/unit/lint_base_test.cpp",
    "W0652": "tests/unit/lint_base_test.cpp",
    "W0653": "tests/unit/lint_base_test.cpp",
    "W0654": "tests/unit/lint_base_test.cpp",
    # verify, diff and stamp need a live database
    "E0701": "tests/live/live_verify.sh",
    "E0702": "tests/live/live_verify.sh",
    "E0703": "tests/live/live_verify.sh",
    "I0704": "tests/live/live_verify.sh",
    "I0706": "tests/live/live_verify.sh",
    "W0707": "tests/live/live_verify.sh",
    # the schema cache is written by a development database
    "W0710": "tests/live/live_dev_url.sh",
    "E0711": "tests/live/live_dev_url.sh",
}


def run(migrac, args):
    """(exit code, recorded text, stdout) of one migrac run."""
    p = subprocess.run([migrac] + args, cwd=CASES, capture_output=True, text=True, encoding="utf-8", errors="backslashreplace",
                       env={**os.environ, "MIGRAC_URL": "", "DATABASE_URL": ""})
    if p.returncode < 0 or p.returncode > 4:
        raise SystemExit(f"migrac {' '.join(args)} crashed or failed oddly: exit {p.returncode}\n{p.stderr}")
    out = p.stdout
    if p.stderr:
        out += ("" if not out or out.endswith("\n") else "\n") + "--- stderr\n" + p.stderr
    return p.returncode, out + f"--- exit {p.returncode}\n", p.stdout


# Output file -> migrac arguments, for cases with an every_format file. {d}: each dialect.
EVERY_FORMAT = [
    ("check.json", ["check", "--format", "json"]),
    ("sql.{d}.txt", ["sql", "head", "--dialect", "{d}"]),
    ("sql.psql.txt", ["sql", "head", "--format", "psql"]),
    ("sql.down.txt", ["sql", "--down", "base"]),
    ("schema.txt", ["schema"]),
    ("upgrade.sql.txt", ["upgrade", "head", "--sql"]),
    ("downgrade.sql.txt", ["downgrade", "base", "--sql"]),
    ("lint.txt", ["lint"]),
    ("lint.json", ["lint", "--format", "json"]),
    ("lint.sarif", ["lint", "--format", "sarif"]),
    ("lint.github.txt", ["lint", "--format", "github"]),
]
POSITIONED_TEXT = re.compile(r"^\S.*:\d+:\d+: error\[E\d+\]", re.M)
POSITIONED_GITHUB = re.compile(r"^::error file=[^,]+,line=\d+,col=\d+,", re.M)


def positioned_error(name, stdout, text):
    """Whether an output holds an error diagnostic at a position, in its format."""
    if name.endswith(".json"):
        return any(d.get("severity") == "error" and "line" in d for d in json.loads(stdout)["diagnostics"])
    if name.endswith(".sarif"):
        results = json.loads(stdout)["runs"][0]["results"]
        return any(r["level"] == "error" and r.get("locations") for r in results)
    if name.startswith("lint.github"):
        return bool(POSITIONED_GITHUB.search(stdout))
    return bool(POSITIONED_TEXT.search(text))


def case_args(name):
    """The directory arguments of a case: --dir NAME, or the words of NAME/args."""
    path = os.path.join(CASES, name, "args")
    if os.path.exists(path):
        with open(path) as f:
            return f.read().split()
    return ["--dir", name]


def is_lint_case(name):
    return name.startswith("lint_") or name.startswith("fail_lint_")


def case_commands(name):
    """The extra outputs of a case: (output file, migrac arguments) per line of NAME/commands."""
    path = os.path.join(CASES, name, "commands")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        words = [line.split() for line in f]
    return [(w[0], w[1:]) for w in words if w and not w[0].startswith("#")]


def lint_case_problems(name):
    """Why a lint case does not have the shape of one (an empty list when it does)."""
    commands = case_commands(name)
    problems = []
    if not commands:
        problems.append(f"{name}: a lint case without a commands file of lint runs")
    problems += [f"{name}/commands: '{out}' is not a lint run; a lint case records lint output only"
                 for out, args in commands if not args or args[0] != "lint"]
    if os.path.exists(os.path.join(CASES, name, "dialects")):
        problems.append(f"{name}/dialects: a lint case records no SQL, so it has no dialects")
    return problems


def outputs(migrac, name, dialects):
    """Output file -> (exit code, recorded text, stdout)."""
    results = {}
    dir_args = case_args(name)
    if is_lint_case(name):
        for out, args in case_commands(name):
            results[out] = run(migrac, args + dir_args)
        return results
    results["check.txt"] = run(migrac, ["check"] + dir_args)
    code = results["check.txt"][0]
    for out, args in case_commands(name):
        results[out] = run(migrac, args + dir_args)
    if os.path.exists(os.path.join(CASES, name, "every_format")):
        for out, args in EVERY_FORMAT:
            for d in (dialects if "{d}" in out else [None]):
                results[out.format(d=d)] = run(migrac, [a.format(d=d) for a in args] + dir_args)
    if code != 0:
        return results
    for d in dialects:
        results[f"{d}.up.sql"] = run(migrac, ["sql", "head", "--dialect", d] + dir_args)
        results[f"{d}.down.sql"] = run(migrac, ["sql", "--down", "base", "--dialect", d] + dir_args)
    return results


def case_dialects(name, default):
    path = os.path.join(CASES, name, "dialects")
    if os.path.exists(path):
        with open(path) as f:
            return [l.strip() for l in f if l.strip() and not l.startswith("#")]
    return default


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("migrac")
    ap.add_argument("--regen", action="store_true")
    ap.add_argument("--dialects", default="postgres,sqlite,mysql")
    ap.add_argument("--codes", help="a codes*.def folder: every code must be exercised")
    ap.add_argument("--only", help="run only cases whose name contains this")
    args = ap.parse_args()
    migrac = os.path.abspath(args.migrac)
    default_dialects = args.dialects.split(",")
    names = sorted(n for n in os.listdir(CASES) if os.path.isdir(os.path.join(CASES, n)))
    if args.only:
        names = [n for n in names if args.only in n]
    failures = []
    seen_text = []
    for name in names:
        if is_lint_case(name):
            failures += lint_case_problems(name)
        results = outputs(migrac, name, case_dialects(name, default_dialects))
        expected_dir = os.path.join(CASES, name, "expected")
        nonzero = [f for f, (code, _, _) in results.items() if code != 0]
        if name.startswith("fail_") and not nonzero:
            failures.append(f"{name}: a fail_ case, but every command exited 0")
        if not name.startswith("fail_") and nonzero:
            failures.append(f"{name}: not a fail_ case, but {', '.join(nonzero)} exited non-zero")
        for f, (code, text, stdout) in results.items():
            # (a usage or I/O error, exit 2 or 3, prints only its message, on stderr)
            if (f.endswith(".json") or f.endswith(".sarif")) and (code in (0, 1) or stdout):
                try:
                    json.loads(stdout)
                except ValueError as e:
                    failures.append(f"{name}/expected/{f}: the output is not valid JSON ({e})")
                    continue
            if name.startswith("fail_") and os.path.exists(os.path.join(CASES, name, "every_format")):
                check_code = results["check.txt"][0]
                if code != check_code:
                    failures.append(f"{name}/expected/{f}: exit {code}, but check exits {check_code}")
                elif code == 1 and not positioned_error(f, stdout, text):
                    failures.append(f"{name}/expected/{f}: no error diagnostic at a position")
        if args.regen:
            os.makedirs(expected_dir, exist_ok=True)
            for f in os.listdir(expected_dir):
                if f not in results:
                    os.remove(os.path.join(expected_dir, f))
            for f, (_, text, _) in results.items():
                with open(os.path.join(expected_dir, f), "w") as out:
                    out.write(text)
            seen_text.extend(text for _, text, _ in results.values())
            continue
        present = set(os.listdir(expected_dir)) if os.path.isdir(expected_dir) else set()
        for f in sorted(present - set(results)):
            failures.append(f"{name}/expected/{f}: expected, but not produced")
        for f, (_, text, _) in results.items():
            seen_text.append(text)
            path = os.path.join(expected_dir, f)
            if not os.path.exists(path):
                failures.append(f"{name}/expected/{f}: missing (run with --regen and review)")
                continue
            with open(path) as e:
                want = e.read()
            if want != text:
                diff = "".join(difflib.unified_diff(want.splitlines(True), text.splitlines(True),
                                                    f"expected/{f}", "actual", n=2))
                failures.append(f"{name}/expected/{f} differs:\n{diff}")
    if args.codes:
        codes = set()
        entries = 0
        for f in os.listdir(args.codes):
            if f.startswith("codes_") and f.endswith(".def"):
                with open(os.path.join(args.codes, f)) as d:
                    text = d.read()
                entries += len(re.findall(r'^MIGRAC_DIAG\(', text, re.M))
                codes.update(re.findall(r'^MIGRAC_DIAG\(\s*\w+\s*,\s*"([EWI]\d{4})"', text, re.M))
        if len(codes) != entries:
            failures.append(f"{args.codes}: {entries} MIGRAC_DIAG entries, but {len(codes)} distinct E/W/I codes")
        all_text = "\n".join(seen_text)
        for code in sorted(codes):
            if f"[{code}]" in all_text or f'"code": "{code}"' in all_text:
                continue
            elsewhere = CODES_ELSEWHERE.get(code)
            if elsewhere:
                with open(os.path.join(ROOT, elsewhere)) as t:
                    text = t.read()
                    if f'"{code} ' in text or f"[{code}]" in text:
                        continue
                failures.append(f"diagnostic {code} is produced by no golden case, nor asserted in {elsewhere}")
                continue
            failures.append(f"diagnostic {code} is produced by no golden case")
    for f in failures:
        print("FAIL", f)
    total = len(names)
    print(f"golden: {total} cases, {len(failures)} failures{' (regenerated)' if args.regen else ''}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
