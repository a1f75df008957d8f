#!/usr/bin/env bash
# Benchmarks (not tests): release build, results in build-bench/*.json; then, each
# with its own throwaway PostgreSQL 15 and hyperfine (RUNS=N for fewer or more runs):
# the migration runner against psql (bench/apply_bench.sh, results in
# build-bench/apply_bench/) and `schemac inspect` against `pg_dump --schema-only`
# (bench/inspect_bench.sh, results in build-bench/inspect_bench/), and the
# generated DAOs against hand-written libpqxx and psql (bench/dao_bench.sh,
# results in build-bench/dao_bench/; several minutes), and a large initial schema
# (bench/large_schema_bench.sh: diff, apply, verify at 1,000 and 5,000 tables; about 9 minutes),
# and SQLite against the sqlite3 shell (bench/sqlite_bench.sh: apply, a 1M-row rebuild, inspect).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSCHEMAC_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-bench -j 2 --target load_bench load_phases diff_bench did_you_mean_bench schemac dao_bench
./build-bench/bench/load_phases
./build-bench/bench/diff_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
./build-bench/bench/did_you_mean_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
./build-bench/bench/load_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_out=build-bench/load_bench.json --benchmark_out_format=json "$@"
bench/apply_bench.sh build-bench/schemac
bench/inspect_bench.sh build-bench/schemac
bench/dao_bench.sh build-bench/schemac
bench/large_schema_bench.sh build-bench/schemac
bench/sqlite_bench.sh build-bench/schemac
