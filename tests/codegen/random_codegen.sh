#!/usr/bin/env bash
# random_codegen.sh WRITE_RANDOM_SCHEMA SCHEMAC SEED DIR UNITY
# Generates C++ for random schema SEED into DIR and writes UNITY, one source
# that includes every generated .cpp (one translation unit per seed keeps the
# test build short on two cores). Written only when it changes.
set -euo pipefail
write=$1 schemac=$2 seed=$3 dir=$4 unity=$5
mkdir -p "$dir"
"$write" "$seed" "$dir/schema.yaml"
# Each seed in its own namespace; no migrations, no project config.
"$schemac" generate "$dir/schema.yaml" --out "$dir/cpp" --namespace "random$seed" --no-migrations \
  --config "$(dirname "$0")/../../cmake/schemac-empty.yaml" >/dev/null
tmp="$unity.tmp"
{
  echo "// Every generated source of random schema $seed (tests/codegen/random_codegen.sh)."
  (cd "$dir/cpp" && find . -name '*.cpp' | LC_ALL=C sort) | while read -r f; do echo "#include \"$dir/cpp/${f#./}\""; done
} > "$tmp"
if cmp -s "$tmp" "$unity"; then rm "$tmp"; else mv "$tmp" "$unity"; fi
