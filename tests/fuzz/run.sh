#!/usr/bin/env bash
# Short fuzz run for the test suite: seeds a fresh corpus from the example
# schema and the golden inputs, then fuzzes for SECONDS (default 30).
set -euo pipefail
fuzzer=$1 src=$2 work=$3 seconds=${4:-30}
rm -rf "$work" && mkdir -p "$work/corpus" "$work/seeds"
i=0
while IFS= read -r -d '' f; do cp "$f" "$work/seeds/$((i++)).yaml"; done \
  < <(find "$src/schema" "$src/tests/golden" -name '*.yaml' -print0)
cd "$work"
exec "$fuzzer" corpus seeds -dict="$src/tests/fuzz/schema.dict" -max_total_time="$seconds" \
  -timeout=10 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1
