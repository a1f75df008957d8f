#!/usr/bin/env bash
# Peak memory of the generated DAOs carrying one large bytea, path by path
# (bench/bytea_memory.cpp, table bench.blobs of bench/dao/schema.yaml):
# insert, insert_many (COPY), find_by_id, update, upsert and for_each (COPY
# out), each in its own process on a fresh connection, against a throwaway
# PostgreSQL 15 (scripts/pg-test-server.sh). Reports the peak resident size
# above what the process held before the call, in MiB and as a multiple of
# the payload. The call's own result (the row returned or handed to the
# callback) holds the payload once and is part of the peak.
#
#   bench/bytea_memory.sh [SCHEMAC]
#
#   SCHEMAC    the schemac binary (default build-bench/schemac, else build/schemac);
#              bytea_memory is taken from SCHEMAC's build tree (bench/bytea_memory).
#   env MB     payload in MiB (default 100)
#   env RUNS   runs per path; the table shows the largest (default 3)
#   env RESULTS_DIR  where results go (default build-bench/bytea_memory): memory.md
set -euo pipefail
RUNS=${RUNS:-3}
source "$(dirname "$0")/common.sh"
bench_setup bytea_memory "$@"
mb=${MB:-100}
tool=$(dirname "$schemac")/bench/bytea_memory
[ -x "$tool" ] || { echo "bytea_memory: no $tool: build the bytea_memory target (-DSCHEMAC_BENCH=ON)" >&2; exit 2; }
psql=$(command -v "${PSQL:-/usr/lib/postgresql/15/bin/psql}") \
  || { echo "bytea_memory: ${PSQL:-/usr/lib/postgresql/15/bin/psql} missing: run scripts/setup.sh (PostgreSQL 15)" >&2; exit 2; }

bench_scratch bytea-memory

"$root/scripts/pg-test-server.sh" start "$pgdir"
conn="host=$pgdir user=postgres dbname=blobs"
(cd "$work" && "$schemac" plan --to "$root/bench/dao/schema.yaml") >"$work/schema.sql"
"$psql" -X -q -v ON_ERROR_STOP=1 -h "$pgdir" -U postgres -d postgres -c "CREATE DATABASE blobs"
"$psql" -X -q -v ON_ERROR_STOP=1 -h "$pgdir" -U postgres -d blobs -1 -f "$work/schema.sql"
"$tool" --db "$conn" --mb "$mb" --path setup

out=$results/memory.md
{
  echo "bytea_memory: $(date -u '+%F %T') UTC, payload $mb MiB, largest of $runs runs per path"
  echo
  echo "| path | peak above before the call | × payload |"
  echo "|---|---:|---:|"
} >"$out"
for path in insert insert_many find update upsert for_each; do
  worst=0
  for _ in $(seq "$runs"); do
    read -r _ size peak < <("$tool" --db "$conn" --mb "$mb" --path "$path")
    [ "$peak" -gt "$worst" ] && worst=$peak
  done
  awk -v p="$path" -v s="$size" -v k="$worst" 'BEGIN { printf "| %s | %.0f MiB | %.2f |\n", p, k / 1048576, k / s }' >>"$out"
done
cat "$out"
