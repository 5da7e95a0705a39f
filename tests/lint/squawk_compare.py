#!/usr/bin/env python3
"""Side by side with squawk (npm `squawk-cli`) on the raw SQL corpus in
tests/lint/corpus/: prints, statement by statement, which findings each tool
gives, and fails when a squawk finding has no migrac finding of a mapped rule
on the same statement (the mapping is SQUAWK_TO_MIGRAC below).

Every corpus statement is on one line, so a statement is a (file, line) pair.
Files marked `-- migrac:no-transaction` are given to squawk as they are;
the others with --assume-in-transaction, because migrac runs them in one
transaction (as squawk's flag describes).

  squawk_compare.py MIGRAC [--work DIR] [--squawk PATH]

squawk is installed with `npm install --prefix DIR/npm squawk-cli` unless
--squawk names a binary; the install needs the npm registry once, after which
squawk runs offline (checked: it is run with the proxies pointed at a closed
port). Without npm, or when the install fails, the test is skipped (exit 77).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")

# squawk rule -> the migrac rules that report the same hazard.
SQUAWK_TO_MIGRAC = {
    "adding-field-with-default": {"volatile-default"},
    "adding-foreign-key-constraint": {"blocking-constraint"},
    "adding-not-nullable-field": {"set-not-null"},
    "adding-required-field": {"add-not-null-column"},
    "adding-serial-primary-key-field": {"blocking-constraint"},
    "ban-alter-domain-with-add-constraint": {"domain-constraint"},
    "ban-char-field": {"prefer-text"},
    # In a raw migration `check` reports it (E0124); the lint rule covers `sql` bodies.
    "ban-concurrent-index-creation-in-transaction": {"concurrently-in-transaction", "E0124"},
    "ban-create-domain-with-constraint": {"domain-constraint"},
    "ban-drop-column": {"drop-column"},
    "ban-drop-database": {"drop-database"},
    "ban-drop-not-null": {"drop-not-null"},
    "ban-drop-table": {"drop-table"},
    "ban-truncate-cascade": {"truncate"},
    "ban-uncommitted-transaction": {"transaction-control"},
    "changing-column-type": {"column-type-rewrite"},
    "constraint-missing-not-valid": {"blocking-constraint"},
    "disallowed-unique-constraint": {"blocking-constraint"},
    "prefer-big-int": {"prefer-bigint", "int-primary-key"},
    "prefer-bigint-over-int": {"prefer-bigint", "int-primary-key"},
    "prefer-bigint-over-smallint": {"prefer-bigint", "int-primary-key"},
    "prefer-identity": {"prefer-identity"},
    # In a transactional file a CONCURRENTLY statement is an error before it is
    # a re-run hazard; migrac reports the former.
    "prefer-robust-stmts": {"missing-if-exists", "concurrently-in-transaction", "E0124"},
    "prefer-text-field": {"prefer-text"},
    "prefer-timestamp-tz": {"prefer-timestamptz"},
    "prefer-timestamptz": {"prefer-timestamptz"},
    "renaming-column": {"rename-column"},
    "renaming-table": {"rename-table"},
    "require-concurrent-index-creation": {"blocking-index"},
    "require-concurrent-index-deletion": {"blocking-index"},
    "require-concurrent-reindex": {"blocking-index"},
    "require-enum-value-ordering": {"enum-value-position"},
    "require-lock-timeout": {"missing-lock-timeout"},
    "require-statement-timeout": {"missing-statement-timeout"},
    "require-timeout-settings": {"missing-lock-timeout", "missing-statement-timeout"},
    "syntax-error": {"raw-sql-syntax"},
    "transaction-nesting": {"transaction-control"},
    "vacuum-full": {"vacuum-full"},
}


def install_squawk(work):
    binary = os.path.join(work, "npm", "node_modules", ".bin", "squawk")
    if os.path.exists(binary):
        return binary
    npm = shutil.which("npm")
    if not npm:
        return None
    os.makedirs(os.path.join(work, "npm"), exist_ok=True)
    p = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix",
                        os.path.join(work, "npm"), "squawk-cli"], capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        return None
    return binary if os.path.exists(binary) else None


def offline_env():
    env = dict(os.environ)
    for k in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        env[k] = "http://127.0.0.1:9"
    env["NO_PROXY"] = ""
    return env


def squawk_findings(squawk, path):
    """{line (1-based): [rule, ...]} for one file."""
    text = open(path).read()
    args = [squawk, "--reporter", "json"]
    if "migrac:no-transaction" not in text:
        args.append("--assume-in-transaction")
    p = subprocess.run(args + [path], capture_output=True, text=True, env=offline_env())
    if p.returncode not in (0, 1):
        raise SystemExit(f"squawk failed on {path}: {p.stderr}")
    out = {}
    for f in json.loads(p.stdout or "[]"):
        out.setdefault(f["line"] + 1, []).append(f["rule_name"])
    return out


def migrac_findings(migrac, corpus):
    """{(file name, line): [rule, ...]} and the file-level findings."""
    rules = json.loads(subprocess.run([migrac, "lint", "--list-rules", "--format", "json"],
                                      capture_output=True, text=True, check=True).stdout)
    by_code = {r["code"]: r["name"] for r in rules}
    p = subprocess.run([migrac, "lint", "--dir", corpus, "--format", "json"],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise SystemExit(f"migrac lint failed: {p.stderr}")
    out = {}
    for d in json.loads(p.stdout)["diagnostics"]:
        if "file" not in d:
            continue
        name = by_code.get(d["code"], d["code"])
        out.setdefault((os.path.basename(d["file"]), d["line"]), []).append(name)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("migrac")
    ap.add_argument("--work", default=os.path.join(HERE, ".work"))
    ap.add_argument("--squawk")
    args = ap.parse_args()
    squawk = args.squawk or install_squawk(args.work)
    if not squawk:
        print("squawk_side_by_side: skipped (squawk-cli cannot be installed here)")
        return 77
    version = subprocess.run([squawk, "--version"], capture_output=True, text=True,
                             env=offline_env())
    if version.returncode != 0:
        print("squawk does not run offline:", version.stderr)
        return 1
    print(f"{version.stdout.strip()} (runs with the network closed) vs migrac")

    ours = migrac_findings(os.path.abspath(args.migrac), CORPUS)
    passed = failed = statements = 0
    for name in sorted(os.listdir(CORPUS)):
        if not name.endswith(".up.sql"):
            continue
        path = os.path.join(CORPUS, name)
        theirs = squawk_findings(squawk, path)
        print(f"\n== {name}")
        lines = open(path).read().splitlines()
        for i, line in enumerate(lines, start=1):
            stripped = line.strip()
            if not stripped or stripped.startswith("--"):
                extra = ours.get((name, i))
                if extra:
                    print(f"  {i:>3}  (file) migrac: {', '.join(sorted(set(extra)))}")
                continue
            statements += 1
            sq = sorted(set(theirs.get(i, [])))
            mg = sorted(set(ours.get((name, i), [])))
            print(f"  {i:>3}  {stripped[:72]}")
            print(f"         squawk: {', '.join(sq) or '-'}")
            print(f"         migrac: {', '.join(mg) or '-'}")
            for rule in sq:
                wanted = SQUAWK_TO_MIGRAC.get(rule)
                if wanted and wanted & set(mg):
                    passed += 1
                    continue
                failed += 1
                why = "no mapping for this squawk rule" if not wanted else \
                      f"expected one of {', '.join(sorted(wanted))}"
                print(f"         FAIL {rule}: {why}")
    print(f"\n{statements} statements; squawk findings matched by migrac:")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or statements < 40 else 0


if __name__ == "__main__":
    sys.exit(main())
