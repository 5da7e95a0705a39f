#!/usr/bin/env python3
"""The include-layering test: reads every #include of compiler/ and runtime/
under ROOT and fails, listing file:line and the rule, on

  layer       an include that runs from a lower layer to a higher one
  apart       a subfolder of an `apart` folder (compiler/dialect/<x>/) that
              includes another subfolder of it (compiler/dialect/<y>/)
  confined    a header that only one folder may include (pg_query.h, ANTLR's)
              included outside that folder
  no-layer    a file under compiler/ or runtime/ that belongs to no layer
              (reported once per folder)

The layers and the confined headers are the data file layers.txt beside this
script (see its comments).

  check_layers.py ROOT [--layers FILE]   exit 0 when clean, 1 on violations
"""
import argparse
import fnmatch
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TREES = ("compiler", "runtime")
SOURCE_SUFFIXES = (".h", ".hpp", ".cpp", ".cc", ".def", ".inc")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


class Layers:
    """The data file: layer units lowest first, `apart` units, confined headers."""

    def __init__(self, path):
        self.units = []       # "compiler/source", ..., "runtime/main.cpp"
        self.apart = set()    # units whose subfolders may not include each other
        self.confined = []    # (folder, [patterns])
        with open(path) as f:
            for number, raw in enumerate(f, 1):
                line = raw.split("#", 1)[0].strip()
                if not line:
                    continue
                if line.startswith("only "):
                    folder, sep, patterns = line[5:].partition(":")
                    if not sep or not patterns.split():
                        raise SystemExit(f"{path}:{number}: expected 'only FOLDER: PATTERN...'")
                    self.confined.append((folder.strip().rstrip("/"), patterns.split()))
                    continue
                words = line.split()
                if len(words) > 2 or (len(words) == 2 and words[1] != "apart"):
                    raise SystemExit(f"{path}:{number}: expected 'FOLDER' or 'FOLDER apart'")
                unit = words[0].rstrip("/")
                if unit in self.units:
                    raise SystemExit(f"{path}:{number}: '{unit}' is listed twice")
                self.units.append(unit)
                if len(words) == 2:
                    self.apart.add(unit)

    def unit_of(self, path):
        """The layer unit a repository path belongs to, or None."""
        best = None
        for unit in self.units:
            if (path == unit or path.startswith(unit + "/")) and (best is None or len(unit) > len(best)):
                best = unit
        return best

    def rank(self, unit):
        return self.units.index(unit)

    @staticmethod
    def member(unit, path):
        """The subfolder of `unit` that holds path (None for the unit's own files)."""
        rest = path[len(unit) + 1:].split("/")
        return rest[0] if len(rest) > 1 else None


def source_files(root):
    for tree in TREES:
        for folder, dirs, files in os.walk(os.path.join(root, tree)):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(SOURCE_SUFFIXES):
                    yield os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")


def project_path(root, includer, target):
    """The repository path an include names, or None for a header outside the project."""
    if target.split("/", 1)[0] in TREES:
        return os.path.normpath(target).replace(os.sep, "/")
    beside = os.path.normpath(os.path.join(os.path.dirname(includer), target)).replace(os.sep, "/")
    if beside.split("/", 1)[0] in TREES and os.path.exists(os.path.join(root, beside)):
        return beside
    return None


def matches(pattern, target):
    if fnmatch.fnmatchcase(target, pattern):
        return True
    return "/" not in pattern and fnmatch.fnmatchcase(os.path.basename(target), pattern)


def check(root, layers):
    """Every violation as (file, line, rule, message), in file and line order."""
    found = []
    unlisted = {}  # folder (or file) -> its files that belong to no layer
    for path in source_files(root):
        unit = layers.unit_of(path)
        if unit is None:
            parts = path.split("/")
            unlisted.setdefault("/".join(parts[:2]) + ("/" if len(parts) > 2 else ""), []).append(path)
        with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
            lines = f.readlines()
        for number, line in enumerate(lines, 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = m.group(2).strip()
            shown = f"<{target}>" if m.group(1) == "<" else f'"{target}"'
            for folder, patterns in layers.confined:
                if any(matches(p, target) for p in patterns) and not path.startswith(folder + "/"):
                    found.append((path, number, "confined", f"includes {shown}, which only {folder}/ may include"))
            included = project_path(root, path, target)
            if unit is None or included is None:
                continue
            other = layers.unit_of(included)
            if other is None:
                continue  # reported as no-layer where it lives
            if other == unit:
                mine, theirs = Layers.member(unit, path), Layers.member(unit, included)
                if unit in layers.apart and mine and theirs and mine != theirs:
                    found.append((path, number, "apart", f"includes {shown}: {unit}/{mine}/ may include "
                                  f"{unit}/*.h, not {unit}/{theirs}/"))
                continue
            if layers.rank(other) > layers.rank(unit):
                found.append((path, number, "layer",
                              f"includes {shown}: {unit} is below {other}, so it may not include it"))
    for where, files in unlisted.items():
        what = f"{len(files)} files belong" if where.endswith("/") else "belongs"
        found.append((where, 0, "no-layer", f"{what} to no layer of layers.txt"))
    return sorted(found)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--layers", default=os.path.join(HERE, "layers.txt"))
    args = ap.parse_args()
    layers = Layers(args.layers)
    found = check(args.root, layers)
    for path, number, rule, message in found:
        where = f"{path}:{number}" if number else path
        print(f"{where}: [{rule}] {message}")
    by_rule = {}
    for _, _, rule, _ in found:
        by_rule[rule] = by_rule.get(rule, 0) + 1
    counts = ", ".join(f"{n} {rule}" for rule, n in sorted(by_rule.items()))
    files = len(list(source_files(args.root)))
    print(f"layering: {files} files, {len(found)} violations{f' ({counts})' if counts else ''}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
