#!/usr/bin/env python3
"""Every migration example of docs/language.md compiles.

  check_examples.py MIGRAC [DOC]

Each fenced code block of the page is read by its info string:
  ```sql, ```text, ```ini, ```sh     not a migration: not checked
  ```sql file=ID.up.sql              a plain SQL migration (or its .down.sql) that
                                     later blocks may come after
  ``` (none) or ```mig               a whole migration, checked by `migrac check`
  attributes after `mig`, separated by spaces:
    id=ID           the block is migration ID: later blocks may come after it
    after=ID        `after ID;` is put before the block (the page says it in prose)
    project=example the block comes after the example project (migrations/):
                    it holds its own `after` line naming one of them
    fragment        a part of a migration or several migrations in one block:
                    not checked on its own
    fails=CODE,...  an intentional error: check must exit 1 and report each CODE
A checked block is written as a migration (ID.mig, else 9999_doc_example.mig)
into a fresh folder holding the page's `id=` and `file=` migrations that it
comes after, directly or not (or a copy of migrations/ with project=example),
and `migrac check` is run there. Blocks are checked in page order; a block may
come after one further down the page.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NOT_MIGRATIONS = {"sql", "text", "ini", "sh", "console", "json", "yaml"}
FENCE = re.compile(r"^(\s*)```(.*)$")


def blocks(path):
    """(line, info, text) of every fenced block."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, info, start = len(m.group(1)), m.group(2).strip(), i + 1
        body = []
        i += 1
        while i < len(lines) and not re.match(r"^\s*```\s*$", lines[i]):
            body.append(lines[i][indent:] if lines[i][:indent].strip() == "" else lines[i])
            i += 1
        if i == len(lines):
            raise SystemExit(f"{path}:{start}: code block not closed")
        yield start, info, "\n".join(body) + "\n"
        i += 1


def attributes(info):
    words = info.split()
    attrs = {}
    for w in words[1:]:
        key, _, value = w.partition("=")
        attrs[key] = value
    return attrs


AFTER = re.compile(r"^\s*(?:after|-- migrac:after)\s+([^;\n]+)", re.M)


def parents(text):
    ids = []
    for m in AFTER.finditer(text):
        ids += [p for p in re.split(r"[\s,]+", m.group(1).strip()) if p]
    return ids


def ancestors(start, saved):
    """The saved migrations that `start` (a list of ids) comes after."""
    out, todo = set(), list(start)
    while todo:
        mid = todo.pop()
        if mid in out or mid not in saved:
            continue
        out.add(mid)
        for _, text in saved[mid]:
            todo += parents(text)
    return out


def main():
    migrac = os.path.abspath(sys.argv[1])
    doc = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "docs", "language.md")
    env = {k: v for k, v in os.environ.items() if k not in ("MIGRAC_URL", "DATABASE_URL")}
    saved = {}  # id -> [(file name, text)] of the page's id= and file= migrations
    all_blocks = list(blocks(doc))
    for line, info, text in all_blocks:
        lang = info.split()[0] if info else ""
        attrs = attributes(info)
        if lang == "sql" and attrs.get("file"):
            name = attrs["file"]
            mid = re.sub(r"\.(up|down)\.sql$", "", name)
            saved.setdefault(mid, []).append((name, text))
        elif lang in ("", "mig") and attrs.get("id") and "fails" not in attrs:
            body = text if not attrs.get("after") else f"after {attrs['after']};\n\n" + text
            saved.setdefault(attrs["id"], []).append((attrs["id"] + ".mig", body))
    failures, checked, skipped = [], 0, 0
    work = tempfile.mkdtemp(prefix="migrac-doc-examples.")
    try:
        for line, info, text in all_blocks:
            lang = info.split()[0] if info else ""
            if lang in NOT_MIGRATIONS:
                continue
            where = f"{os.path.relpath(doc, ROOT)}:{line}"
            if lang not in ("", "mig"):
                failures.append(f"{where}: unknown code block language '{lang}'")
                continue
            attrs = attributes(info)
            unknown = set(attrs) - {"id", "after", "project", "fragment", "fails"}
            if unknown:
                failures.append(f"{where}: unknown attribute(s) {sorted(unknown)}")
                continue
            if "fragment" in attrs:
                skipped += 1
                continue
            folder = tempfile.mkdtemp(dir=work)
            if attrs.get("project") == "example":
                for name in os.listdir(os.path.join(ROOT, "migrations")):
                    if name.endswith(".mig"):
                        shutil.copy(os.path.join(ROOT, "migrations", name), folder)
            elif "project" in attrs:
                failures.append(f"{where}: unknown project '{attrs['project']}'")
                continue
            body = text
            if attrs.get("after"):
                body = f"after {attrs['after']};\n\n" + body
            if "project" not in attrs:
                for mid in ancestors(parents(body), saved):
                    for name, saved_text in saved[mid]:
                        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                            f.write(saved_text)
            mid = attrs.get("id") or "9999_doc_example"
            with open(os.path.join(folder, mid + ".mig"), "w", encoding="utf-8") as f:
                f.write(body)
            run = subprocess.run([migrac, "check", "--dir", folder], env=env, cwd=folder,
                                 capture_output=True, text=True)
            checked += 1
            output = run.stdout + run.stderr
            want = attrs.get("fails")
            if want is not None:
                codes = [c for c in want.split(",") if c]
                if run.returncode != 1 or any(f"[{c}]" not in output for c in codes):
                    failures.append(f"{where}: expected check to fail with {want or 'an error'} "
                                    f"(exit 1), got exit {run.returncode}:\n{output}")
            elif run.returncode != 0:
                failures.append(f"{where}: migrac check exited {run.returncode}:\n{output}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("FAIL: " + f, file=sys.stderr)
    print(f"doc examples: {checked} checked, {skipped} fragments, {len(failures)} failures")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
