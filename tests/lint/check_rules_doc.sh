#!/usr/bin/env bash
# docs/lint-rules.md must be exactly what `migrac lint --list-rules --format
# markdown` prints. To update it: build/migrac lint --list-rules --format markdown > docs/lint-rules.md
set -euo pipefail
migrac=$1
doc=$2
if ! diff -u "$doc" <("$migrac" lint --list-rules --format markdown); then
  echo "FAIL: $doc is out of date; rewrite it with: migrac lint --list-rules --format markdown > docs/lint-rules.md"
  exit 1
fi
echo "lint_rules_doc: up to date"
