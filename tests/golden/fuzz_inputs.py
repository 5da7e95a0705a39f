#!/usr/bin/env python3
"""Bad input never crashes the compiler.

For every .mig and .sql file of every golden case and of the example project,
feed `migrac check` damaged versions of it (the rest of its directory intact):
  truncated     the first k bytes: exit 0 or 1, never a crash; exit 1 only
                with at least one positioned error diagnostic
  garbled       the first k bytes, then a line of '@@@' (invalid wherever the
                cut falls: an open string, comment or dollar quote is
                unterminated, otherwise '@' is no token): exit 1 and a diagnostic
  shuffled      the file's words in a random order: exit 0 or 1, never a crash
  noise         random bytes: exit 1 and a diagnostic
Every variant also goes through one more verb and output format, in turn
(OTHER_RUNS: check --format json, sql for each dialect and psql, sql --down,
schema, upgrade/downgrade --sql, lint in text, JSON, SARIF and GitHub form):
exit 0 or 1, never a crash; JSON and SARIF output parses; when `check` found
errors, the other run reports one at a position too, in its own format.
Deterministic (fixed seed). Prints 'N passed, M failed'.
"""
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
POSITIONED = re.compile(r":\d+:\d+: error\[E\d+\]")
POSITIONED_GITHUB = re.compile(r"^::error file=[^,]+,line=\d+,col=\d+,", re.M)
# (format of stdout, migrac arguments before --dir)
OTHER_RUNS = [
    ("json", ["check", "--format", "json"]),
    ("text", ["sql", "head"]),
    ("text", ["sql", "head", "--dialect", "sqlite"]),
    ("text", ["sql", "head", "--dialect", "mysql"]),
    ("text", ["sql", "head", "--format", "psql"]),
    ("text", ["sql", "--down", "base"]),
    ("text", ["schema"]),
    ("text", ["upgrade", "head", "--sql"]),
    ("text", ["downgrade", "base", "--sql"]),
    ("text", ["lint"]),
    ("json", ["lint", "--format", "json"]),
    ("sarif", ["lint", "--format", "sarif"]),
    ("github", ["lint", "--format", "github"]),
]


def other_run_problem(fmt, p, check_failed):
    """What is wrong with one run of OTHER_RUNS, or None."""
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode not in (0, 1):
        return f"exit {p.returncode} (crash or unexpected)"
    positioned = False
    if fmt in ("json", "sarif"):
        try:
            doc = json.loads(p.stdout)
        except ValueError as e:
            return f"the {fmt} output does not parse: {e}"
        if fmt == "json":
            positioned = any(d.get("severity") == "error" and "line" in d for d in doc["diagnostics"])
        else:
            positioned = any(r["level"] == "error" and r.get("locations") for r in doc["runs"][0]["results"])
    elif fmt == "github":
        positioned = bool(POSITIONED_GITHUB.search(out))
    else:
        positioned = bool(POSITIONED.search(err) or POSITIONED.search(out))
    if check_failed and p.returncode != 1:
        return "exit 0 although check found errors"
    if check_failed and not positioned:
        return "check found errors, but this output has none at a position"
    return None


def sources():
    dirs = [os.path.join(ROOT, "migrations")]
    cases = os.path.join(ROOT, "tests", "golden", "cases")
    # fail_source_* cases fail on the directory itself (a missing folder, a
    # dangling link), whatever a file holds: nothing to learn from damaging them.
    dirs += [os.path.join(cases, n) for n in sorted(os.listdir(cases))
             if not n.startswith("fail_source_")]
    for d in dirs:
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            p = os.path.join(d, f)
            if (f.endswith(".mig") or f.endswith(".sql")) and os.path.isfile(p) and not os.path.islink(p):
                yield d, f


def main():
    migrac = os.path.abspath(sys.argv[1])
    rng = random.Random(20261121)
    passed = failed = 0
    turn = 0  # which of OTHER_RUNS the next variant also goes through
    work = tempfile.mkdtemp(prefix="migrac-fuzz-")
    try:
        for d, name in sources():
            with open(os.path.join(d, name), "rb") as f:
                text = f.read()
            variants = []
            cuts = sorted({rng.randrange(1, max(2, len(text))) for _ in range(6)})
            for k in cuts:
                variants.append(("truncated", text[:k], False))
                variants.append(("garbled", text[:k] + b"\n@@@\n", True))
            words = text.split()
            rng.shuffle(words)
            variants.append(("shuffled", b" ".join(words), False))
            variants.append(("noise", bytes(rng.randrange(256) for _ in range(300)), True))
            for kind, data, must_fail in variants:
                case = os.path.join(work, "case")
                shutil.rmtree(case, ignore_errors=True)
                shutil.copytree(d, case, symlinks=True)
                with open(os.path.join(case, name), "wb") as f:
                    f.write(data)
                env = {**os.environ, "MIGRAC_URL": "", "DATABASE_URL": ""}
                p = subprocess.run([migrac, "check", "--dir", case], capture_output=True, env=env)
                err = p.stderr.decode("utf-8", "replace")
                problem = None
                if p.returncode not in (0, 1):
                    problem = f"exit {p.returncode} (crash or unexpected)"
                elif p.returncode == 1 and not POSITIONED.search(err):
                    problem = "exit 1 without a positioned error diagnostic"
                elif must_fail and p.returncode != 1:
                    problem = "exit 0 on garbage"
                if problem is None:
                    fmt, args = OTHER_RUNS[turn % len(OTHER_RUNS)]
                    turn += 1
                    q = subprocess.run([migrac] + args + ["--dir", case], capture_output=True, env=env)
                    check_failed = p.returncode == 1
                    if "--dialect" in args:  # errors of planning are the dialect's: check that one
                        dialect = args[args.index("--dialect") + 1]
                        check_failed = subprocess.run([migrac, "check", "--dialect", dialect, "--dir", case],
                                                      capture_output=True, env=env).returncode == 1
                    other = other_run_problem(fmt, q, check_failed)
                    if other:
                        problem = f"{' '.join(args)}: {other}"
                        err = q.stderr.decode("utf-8", "replace") + q.stdout.decode("utf-8", "replace")
                if problem:
                    failed += 1
                    keep = os.path.join(tempfile.gettempdir(), f"migrac-fuzz-fail-{failed}-{name}")
                    with open(keep, "wb") as f:
                        f.write(data)
                    print(f"FAIL {os.path.relpath(d, ROOT)}/{name} {kind}: {problem}; input kept in {keep}")
                    print(err[-2000:])
                else:
                    passed += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
