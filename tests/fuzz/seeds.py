#!/usr/bin/env python3
"""Seed corpus of a fuzz target, from the golden inputs (and the lint corpus).

  seeds.py mig OUT      every .mig file of tests/golden/cases and migrations/
  seeds.py sql OUT      every .up.sql of tests/golden/cases and tests/lint/corpus,
                        with its .down.sql after a '-- fuzz:down' line
  seeds.py runtime OUT  tests/fuzz/seeds/runtime/* (URLs, migrac.ini files,
                        headers), and the header lines of the raw SQL inputs

Each file is written as it is, and once more with its parents replaced by the
fuzz targets' fixed root migration (0001_root), so that it compiles against
that root as far as its names allow. OUT is emptied first.
"""
import os
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASES = os.path.join(ROOT, "tests", "golden", "cases")
ROOT_ID = "0001_root"


def inputs(ext, dirs):
    for d in dirs:
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            p = os.path.join(d, f)
            if f.endswith(ext) and os.path.isfile(p) and not os.path.islink(p):
                yield p


def case_dirs():
    return [os.path.join(CASES, n) for n in sorted(os.listdir(CASES))]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    kind, out = sys.argv[1], sys.argv[2]
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    seeds = {}
    if kind == "mig":
        for p in inputs(".mig", case_dirs() + [os.path.join(ROOT, "migrations")]):
            text = read(p)
            name = os.path.relpath(p, ROOT).replace("/", "_")
            seeds[name] = text
            body = re.sub(rb"(?m)^[ \t]*after\b[^;]*;[ \t]*\n?", b"", text)
            seeds[name + ".rooted"] = f"after {ROOT_ID};\n".encode() + body
    elif kind == "sql":
        dirs = case_dirs() + [os.path.join(ROOT, "tests", "lint", "corpus")]
        for p in inputs(".up.sql", dirs):
            text = read(p)
            down = p[: -len(".up.sql")] + ".down.sql"
            if os.path.exists(down):
                text += b"\n-- fuzz:down\n" + read(down)
            name = os.path.relpath(p, ROOT).replace("/", "_")
            seeds[name] = text
            body = re.sub(rb"(?m)^--[ \t]*migrac:after\b.*\n?", b"", text)
            seeds[name + ".rooted"] = f"-- migrac:after {ROOT_ID}\n".encode() + body
    elif kind == "runtime":
        for p in inputs("", [os.path.join(ROOT, "tests", "fuzz", "seeds", "runtime")]):
            seeds[os.path.basename(p)] = read(p)
        for p in inputs(".up.sql", case_dirs()):
            header = b"".join(l for l in read(p).splitlines(True) if l.startswith(b"--"))
            if header:
                seeds[os.path.relpath(p, ROOT).replace("/", "_")] = header
    else:
        raise SystemExit(f"seeds.py: unknown target kind '{kind}' (mig, sql or runtime)")
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print(f"seeds: {len(seeds)} {kind} inputs in {out}")


if __name__ == "__main__":
    main()
