#!/usr/bin/env bash
# squawk (the PostgreSQL migration linter, an npm test tool) over every
# migration file schemac writes for tests/cases: for each case, `schemac diff`
# from `from.yaml` and then to `to.yaml` in a scratch project, and squawk reads
# each file the second diff wrote as PostgreSQL 15 runs it (inside a
# transaction unless the file says `-- schemac:no-transaction`). Every finding
# must be one that tests/lint/squawk-allow.json explains, and where it names a
# hazard, the step the finding is in must carry that hazard label: a finding
# schemac does not own up to in the file fails the test.
# Usage: squawk.sh SCHEMAC NODE_MODULES SOURCE_DIR
set -euo pipefail
schemac=$(realpath "$1")
squawk=$(realpath "$2")/.bin/squawk
src=$(realpath "$3")
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SCHEMAC_DATE=2026-01-02
findings=$work/findings.jsonl
: > "$findings"
cases=0
for case in "$src"/tests/cases/*/; do
  [ -f "$case/postgres/up.sql" ] || continue   # a case the diff refuses writes no file
  name=$(basename "$case")
  proj=$work/$name
  mkdir -p "$proj/schema"
  cd "$proj"
  if [ -f "$case/from.yaml" ]; then
    cp "$case/from.yaml" schema/s.yaml
    "$schemac" diff -m from --allow-destructive >/dev/null 2>"$work/err" || { cat "$work/err"; echo "FAIL: $name: diff to from.yaml"; exit 1; }
  fi
  before=$( (find generated/migrations -maxdepth 1 -name '*.sql' 2>/dev/null || true) | wc -l)
  cp "$case/to.yaml" schema/s.yaml
  "$schemac" diff -m to --allow-destructive >/dev/null 2>"$work/err" || { cat "$work/err"; echo "FAIL: $name: diff to to.yaml"; exit 1; }
  for f in $(find generated/migrations -maxdepth 1 -name '*.sql' | sort | tail -n +$((before + 1))); do
    in_tx=--assume-in-transaction
    grep -q '^-- schemac:no-transaction' "$f" && in_tx=
    # squawk exits 1 when it finds something: the findings are what counts.
    "$squawk" --pg-version=15.0 --reporter json $in_tx "$f" > "$work/one.json" || true
    node -e 'const [json, file, c] = process.argv.slice(1);
      for (const x of JSON.parse(require("fs").readFileSync(json, "utf8")))
        console.log(JSON.stringify({case: c, file, line: x.line, rule: x.rule_name, message: x.message}));' \
      "$work/one.json" "$proj/$f" "$name" >> "$findings"
  done
  cases=$((cases + 1))
done
[ "$cases" -ge 90 ] || { echo "FAIL: only $cases cases with migration files"; exit 1; }
node "$here/squawk_check.js" "$findings" "$here/squawk-allow.json"
echo "squawk: $cases cases, $(wc -l < "$findings") findings, each explained"
