#!/usr/bin/env python3
"""No file of the repository refers to anything outside it.

  check_self_contained.py [ROOT]

Every file git tracks (else every file under ROOT but build folders) is read:
  - no text names a file of the project's planning folder outside the
    repository (its language contract or its seeds) or an absolute path of
    the machine it was written on;
  - every relative link of a Markdown file ([text](path) or [text](path#anchor))
    names a file inside the repository that exists, and an anchor names a
    heading of the Markdown file it points to.
"""
import os
import re
import subprocess
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ME = os.path.relpath(os.path.abspath(__file__), ROOT)

# Written in pieces so that this file does not name them itself.
FORBIDDEN = [
    re.compile(r"\.\./" + "shared"),
    re.compile(r"(?<![A-Za-z_])" + "shared/" + r"(LANGUAGE|BRIEF|STYLE|seeds)"),
    re.compile("LANGUAGE" + r"\.md"),
    re.compile(r"(?<![A-Za-z0-9_.])/" + "work/"),
]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def tracked_files():
    try:
        out = subprocess.run(["git", "-C", ROOT, "ls-files", "-z"], capture_output=True,
                             check=True).stdout.decode("utf-8", "surrogateescape")
        return [f for f in out.split("\0") if f]
    except (OSError, subprocess.CalledProcessError):
        files = []
        for base, dirs, names in os.walk(ROOT):
            dirs[:] = [d for d in dirs if d != ".git" and not d.startswith("build")]
            files += [os.path.relpath(os.path.join(base, n), ROOT) for n in names]
        return files


def slug(heading):
    """GitHub's anchor of a heading."""
    s = heading.strip().lower()
    s = re.sub(r"[^\w\- ]", "", s)
    return s.replace(" ", "-")


def anchors(path):
    out, seen, fence = set(), {}, False
    for line in open(path, encoding="utf-8", errors="replace"):
        if line.lstrip().startswith("```"):
            fence = not fence
        if fence or not line.startswith("#"):
            continue
        a = slug(line.lstrip("#"))
        n = seen.get(a, 0)
        seen[a] = n + 1
        out.add(a if n == 0 else f"{a}-{n}")
    return out


def main():
    problems = []
    cache = {}
    for rel in tracked_files():
        path = os.path.join(ROOT, rel)
        if rel == ME or not os.path.isfile(path):
            continue
        try:
            text = open(path, encoding="utf-8").read()
        except (UnicodeDecodeError, OSError):
            continue  # binary
        for n, line in enumerate(text.split("\n"), 1):
            for p in FORBIDDEN:
                if p.search(line):
                    problems.append(f"{rel}:{n}: refers outside the repository: {line.strip()}")
                    break
        if not rel.endswith(".md"):
            continue
        for n, line in enumerate(text.split("\n"), 1):
            for target in LINK.findall(line):
                if re.match(r"^[a-z][a-z0-9+.-]*:", target):
                    continue  # https:, mailto:
                file_part, _, anchor = target.partition("#")
                dest = path if not file_part else os.path.normpath(
                    os.path.join(os.path.dirname(path), file_part))
                inside = os.path.relpath(dest, ROOT)
                if inside.startswith(".."):
                    problems.append(f"{rel}:{n}: link '{target}' leaves the repository")
                    continue
                if not os.path.exists(dest):
                    problems.append(f"{rel}:{n}: link '{target}': no such file")
                    continue
                if anchor and dest.endswith(".md"):
                    if dest not in cache:
                        cache[dest] = anchors(dest)
                    if anchor not in cache[dest]:
                        problems.append(f"{rel}:{n}: link '{target}': no heading '#{anchor}'")
    for p in problems:
        print("FAIL: " + p, file=sys.stderr)
    print(f"self-contained: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
