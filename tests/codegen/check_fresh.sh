#!/usr/bin/env bash
# check_fresh.sh SCHEMAC SOURCE_DIR
# The committed generated C++ must be exactly what schemac writes now: the
# example schema's (through `schemac check`, as CI and developers run it), the
# round-trip test schema's and the DAO benchmark's. Also: an unchanged regeneration rewrites no file.
set -euo pipefail
schemac=$1 src=$2
cd "$src"
"$schemac" check
for d in tests/codegen/roundtrip bench/dao; do
  "$schemac" generate $d/schema.yaml --out $d/cpp --no-migrations --config cmake/schemac-empty.yaml --check
done
# Regenerating into a copy changes no byte and no mtime.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp -a generated/cpp "$tmp/cpp"
before=$(cd "$tmp/cpp" && find . -type f -printf '%p %T@\n' | sort)
"$schemac" generate --out "$tmp/cpp" >/dev/null
after=$(cd "$tmp/cpp" && find . -type f -printf '%p %T@\n' | sort)
if [ "$before" != "$after" ]; then
  echo "regeneration touched files:"; diff <(echo "$before") <(echo "$after") || true
  exit 1
fi
echo "ok: generated C++ is fresh and regeneration leaves every mtime alone"
