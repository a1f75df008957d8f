#!/usr/bin/env bash
# Short fuzz run for the test suite: seeds a fresh corpus from the project's
# own files of the target's kind, then fuzzes for SECONDS.
#   run.sh FUZZER SOURCE_DIR WORK_DIR SECONDS yaml|sql|config|conninfo|rawsql
set -euo pipefail
fuzzer=$1 src=$2 work=$3 seconds=${4:-30} kind=${5:-yaml}
rm -rf "$work" && mkdir -p "$work/corpus" "$work/seeds"
case "$kind" in
  yaml) roots=("$src/schema" "$src/tests/golden"); pattern='*.yaml'; dict=(-dict="$src/tests/fuzz/schema.dict") ;;
  sql) roots=("$src/generated/migrations" "$src/tests/cases"); pattern='*.sql'; dict=() ;;
  config) roots=("$src/schemac.yaml" "$src/tests/golden"); pattern='*.yaml'; dict=() ;;
  conninfo) roots=("$src/tests/fuzz/conninfo_seeds"/*); pattern='*'; dict=(-dict="$src/tests/fuzz/conninfo.dict") ;;
  rawsql) roots=("$src/tests/fuzz/raw_sql_seeds"); pattern='[0-9]*'; dict=(-dict="$src/tests/fuzz/raw_sql.dict") ;;
  *) echo "run.sh: unknown kind $kind" >&2; exit 2 ;;
esac
i=0
while IFS= read -r -d '' f; do cp "$f" "$work/seeds/$((i++))"; done < <(find "${roots[@]}" -type f -name "$pattern" -print0)   # regular files: golden cases hold dangling links
cd "$work"
exec "$fuzzer" corpus seeds "${dict[@]}" -max_total_time="$seconds" \
  -timeout=10 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1
