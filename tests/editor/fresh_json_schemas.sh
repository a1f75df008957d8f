#!/usr/bin/env bash
# The JSON Schemas committed under docs/ (what editors point at) are what
# `schemac schema-json` prints now. Regenerate with:
#   schemac schema-json schema > docs/schemac.schema.json
#   schemac schema-json config > docs/schemac-config.schema.json
# Usage: fresh_json_schemas.sh SCHEMAC DOCS_DIR
set -uo pipefail
schemac=$1
docs=$2
failures=0
for pair in schema:schemac.schema.json config:schemac-config.schema.json; do
  if ! "$schemac" schema-json "${pair%%:*}" | diff -u "$docs/${pair#*:}" - >&2; then
    echo "FAIL: docs/${pair#*:} is stale: regenerate it with schemac schema-json ${pair%%:*} > docs/${pair#*:}" >&2
    failures=$((failures + 1))
  fi
done
[ "$failures" -eq 0 ] || exit 1
echo "ok"
