#!/usr/bin/env bash
# Generated DAOs against hand-written libpqxx and psql, on bench/dao/schema.yaml
# (table bench.ticks), every comparison side by side in one run:
#   a. single-row insert: TicksDao::insert against the same prepared INSERT by
#      hand (RETURNING id, and RETURNING the whole row like the DAO);
#   b. bulk insert of ROWS rows: TicksDao::insert_many (COPY) against psql's
#      \copy of the same rows from a file (and libpqxx's stream_to by hand, and
#      insert_many's formatting sent in 256 KB CopyData messages, as before
#      CopyRowWriter::kFlushBytes, instead of 8 KB);
#   c. reading ROWS rows into TicksRow: TicksDao::for_each (COPY TO STDOUT) and
#      list_by_symbol against a hand-written SELECT, stream_from and list;
#   d. compile time of the generated C++ of a TABLES-table schema
#      (bench/gen_wide_schema.sh), one table per translation unit and as a
#      unity build of ten tables per unit, and of one generated table against
#      the hand-written one (bench/dao/hand/hand_ticks.cpp).
# a and c run in bench/dao_bench.cpp (Google Benchmark, "paired" benchmarks:
# every variant once per round, in rotating order); b and d in hyperfine.
#
#   bench/dao_bench.sh [SCHEMAC]
#
#   SCHEMAC   the schemac binary (default: build-bench/schemac, else build/schemac);
#             dao_bench is taken from the same build tree (SCHEMAC's directory
#             /bench/dao_bench) unless DAO_BENCH names it. This script builds nothing.
#   env ROWS           rows for b and c (default 1000000)
#   env RUNS           hyperfine runs per command in b (default 3)
#   env COPY_ROUNDS    interleaved rounds in b after hyperfine (default 5)
#   env COMPILE_RUNS   hyperfine runs in d (default 2 for the whole schema, 5 for single files)
#   env TABLES         tables of the schema in d (default 100)
#   env INSERT_ROUNDS  rounds of a (default 5000; each round inserts 3 rows), in each of 4 settings
#   env READ_ROUNDS    rounds of c (default 5; each round reads every row 5 times)
#   env PARTS          which parts to run (default "a b c d"; a and c always run together)
#   env CXX            the compiler for d (default g++); flags as the release build's
#   env RESULTS_DIR    where results go (default build-bench/dao_bench, never committed):
#                      dao_bench.json (a, c), copy.md/.json and copy_rounds.txt (b),
#                      compile*.md/.json (d), summary.txt
#   env PSQL           psql (default /usr/lib/postgresql/15/bin/psql, not Debian's
#                      pg_wrapper; see apply_bench.sh)
#
# Its own throwaway PostgreSQL 15 (scripts/pg-test-server.sh: unix socket in
# /tmp/schemac-dao-bench-pg, fsync and synchronous_commit off), always stopped.
set -euo pipefail
RUNS=${RUNS:-3}
source "$(dirname "$0")/common.sh"
bench_setup dao_bench "$@"
command -v hyperfine >/dev/null || { echo "dao_bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
# jq only for the summary lines (scripts/setup.sh does not install it); the results are complete without.
jq() {
  if type -P jq >/dev/null; then command jq "$@"; else echo "dao_bench: jq is not installed: no summary line (the results are in $results)"; fi
}
psql=$(command -v "${PSQL:-/usr/lib/postgresql/15/bin/psql}") \
  || { echo "dao_bench: ${PSQL:-/usr/lib/postgresql/15/bin/psql} missing: run scripts/setup.sh (PostgreSQL 15)" >&2; exit 2; }
dao_bench=${DAO_BENCH:-$(dirname "$schemac")/bench/dao_bench}
[ -x "$dao_bench" ] || { echo "dao_bench: no $dao_bench: build the dao_bench target (-DSCHEMAC_BENCH=ON)" >&2; exit 2; }
dao_bench=$(abs "$dao_bench")
rows=${ROWS:-1000000}
tables=${TABLES:-100}
parts=" ${PARTS:-a b c d} "
cxx=${CXX:-g++}

bench_scratch dao-bench
summary=$results/summary.txt
: >"$summary"
say() { echo "$*" | tee -a "$summary"; }
say "dao_bench: $(date -u '+%F %T') UTC, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); rows=$rows tables=$tables"

# ---- the server and the databases (a: write, b: copy, c: read)
if [[ $parts == *" a "* || $parts == *" b "* || $parts == *" c "* ]]; then
  "$root/scripts/pg-test-server.sh" start "$pgdir"
  conn() { echo "host=$pgdir user=postgres dbname=$1"; }
  psql_base="$psql -X -q -v ON_ERROR_STOP=1 -h $pgdir -U postgres"
  (cd "$work" && "$schemac" plan --to "$root/bench/dao/schema.yaml") >"$work/schema.sql"
  for db in dao_read dao_write dao_copy; do
    $psql_base -d postgres -c "CREATE DATABASE $db"
    $psql_base -1 -d "$db" -f "$work/schema.sql"
  done
  columns="symbol, ts, price, qty, side, note"
  # The rows, as COPY text: the same bytes insert_many sends (same codecs).
  "$dao_bench" --write-copy-file "$work/ticks.copy" --rows "$rows"
  content_md5() { $psql_base -d "$1" -c "COPY (SELECT $columns FROM bench.ticks ORDER BY id) TO STDOUT" | md5sum | cut -d' ' -f1; }
  file_md5=$(md5sum <"$work/ticks.copy" | cut -d' ' -f1)
fi

# ---- a and c: Google Benchmark, paired rounds
if [[ $parts == *" a "* || $parts == *" c "* ]]; then
  "$dao_bench" --db "$(conn dao_read)" --copy-rows "$rows"
  $psql_base -d dao_read -c "VACUUM ANALYZE bench.ticks"
  [ "$(content_md5 dao_read)" = "$file_md5" ] || { echo "dao_bench: the read table does not hold the file's rows" >&2; exit 1; }
  filter=paired
  [[ $parts == *" a "* ]] || filter=paired/read
  [[ $parts == *" c "* ]] || filter=paired/insert
  "$dao_bench" --db "$(conn dao_read)" --write-db "$(conn dao_write)" --benchmark_filter="$filter" \
    --insert-rounds "${INSERT_ROUNDS:-5000}" --read-rounds "${READ_ROUNDS:-5}" \
    --benchmark_out="$results/dao_bench.json" --benchmark_out_format=json
  jq -r '.benchmarks[] | .name as $n | to_entries[] | select(.key | test("_wall$|_cpu$|/")) |
         "\($n)\t\(.key)\t\(.value * 1000 | round / 1000)"' "$results/dao_bench.json" | tee -a "$summary"
fi

# ---- b: bulk insert, hyperfine
if [[ $parts == *" b "* ]]; then
  truncate_copy="$psql_base -d dao_copy -c 'TRUNCATE bench.ticks RESTART IDENTITY' -c CHECKPOINT"
  cmd_dao="$dao_bench --db '$(conn dao_copy)' --copy-rows $rows"
  cmd_psql="$psql_base -d dao_copy -c \"\\copy bench.ticks ($columns) FROM '$work/ticks.copy'\""
  cmd_hand="$dao_bench --db '$(conn dao_copy)' --hand-copy-rows $rows"
  cmd_chunked="$dao_bench --db '$(conn dao_copy)' --copy-rows $rows --flush-bytes 262144"
  cmd_build="$dao_bench --build-rows $rows"
  # The same rows in the table whichever way they went in.
  for name in dao psql hand chunked; do
    var=cmd_$name
    sh -c "$truncate_copy" >/dev/null
    sh -c "${!var}" 2>>"$summary"
    [ "$(content_md5 dao_copy)" = "$file_md5" ] || { echo "dao_bench: $name loaded other rows than the file's" >&2; exit 1; }
  done
  say "b: insert_many, psql \\copy, stream_to and CopyWriter(256 KB) load the same $rows rows (table content md5 $file_md5)"
  hyperfine --runs "$RUNS" --prepare "$truncate_copy" \
    --export-markdown "$results/copy.md" --export-json "$results/copy.json" \
    -n "TicksDao::insert_many" "$cmd_dao" \
    -n "psql \\copy" "$cmd_psql" \
    -n "libpqxx stream_to (hand)" "$cmd_hand" \
    -n "insert_many's formatting, 256 KB messages (before)" "$cmd_chunked" \
    -n "building the rows only" "$cmd_build"
  jq -r '.results[] | "b\t\(.command)\tmean \(.mean * 1000 | round) ms\tmedian \(.median * 1000 | round) ms\tmin \(.min * 1000 | round) ms"' \
    "$results/copy.json" | tee -a "$summary"
  jq -r '(.results | map({(.command): .}) | add) as $r |
         "b\tpsql / insert_many (throughput of insert_many relative to psql): mean \($r["psql \\copy"].mean / $r["TicksDao::insert_many"].mean * 1000 | round / 1000), median \($r["psql \\copy"].median / $r["TicksDao::insert_many"].median * 1000 | round / 1000)"' \
    "$results/copy.json" | tee -a "$summary"
  # Interleaved rounds (hyperfine runs all of one command, then the next, so a
  # change of load between them lands on one side): insert_many, psql, the
  # 256 KB variant and stream_to one after the other, the order rotating, a
  # fresh table each.
  cmds=("$cmd_dao" "$cmd_psql" "$cmd_chunked" "$cmd_hand")
  : >"$results/copy_rounds.txt"
  for ((r = 0; r < ${COPY_ROUNDS:-5}; r++)); do
    t=()
    for ((k = 0; k < 4; k++)); do
      v=$(((r + k) % 4))
      sh -c "$truncate_copy" >/dev/null
      t0=$(date +%s.%N)
      sh -c "${cmds[$v]}" 2>/dev/null
      t[$v]=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
    done
    echo "${t[0]} ${t[1]} ${t[2]} ${t[3]}" | tee -a "$results/copy_rounds.txt" \
      | awk -v r="$r" '{ printf "b\tround %d: insert_many %.2f s, psql %.2f s, 256 KB messages %.2f s, stream_to %.2f s; psql/insert_many %.3f, psql/256KB %.3f, psql/stream_to %.3f\n", r, $1, $2, $3, $4, $2 / $1, $2 / $3, $2 / $4 }' \
      | tee -a "$summary"
  done
  median() { sort -n | awk '{ a[NR] = $1 } END { printf "%.3f\n", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
  say "b: interleaved rounds, median of per-round psql/insert_many $(awk '{ print $2 / $1 }' "$results/copy_rounds.txt" | median)," \
      "psql/256KB $(awk '{ print $2 / $3 }' "$results/copy_rounds.txt" | median)," \
      "psql/stream_to $(awk '{ print $2 / $4 }' "$results/copy_rounds.txt" | median)"
fi
if [[ $parts == *" a "* || $parts == *" b "* || $parts == *" c "* ]]; then
  "$root/scripts/pg-test-server.sh" stop "$pgdir"
fi

# ---- d: compile time
if [[ $parts == *" d "* ]]; then
  wide=$work/wide
  bash "$root/bench/gen_wide_schema.sh" "$tables" "$wide/schema"
  (cd "$work" && "$schemac" generate "$wide/schema" --out "$wide/cpp" --no-migrations --config "$root/cmake/schemac-empty.yaml")
  # The release build's flags for a generated source (-O2 -DNDEBUG -Wall -Wextra, no -g).
  flags="-std=c++20 -O2 -DNDEBUG -Wall -Wextra -DPQXX_HAVE_OPTIONAL -I$root/runtime/include -isystem /usr/include/postgresql"
  sources=$(cd "$wide/cpp" && find . -name '*.cpp' | LC_ALL=C sort | sed 's|^\./||' | tr '\n' ' ')
  {
    echo "CXX = $cxx"
    echo "FLAGS = $flags -I$wide/cpp"
    echo "OBJS = $(for s in $sources; do printf '%s ' "obj/${s%.cpp}.o"; done)"
    echo "UNITY = $(for ((u = 0; u < (tables + 9) / 10; u++)); do printf 'unity/u%02d.o ' "$u"; done)"
    echo "all: \$(OBJS)"
    echo "unity: \$(UNITY)"
    echo "obj/%.o: $wide/cpp/%.cpp"
    printf '\t@mkdir -p $(dir $@)\n\t$(CXX) $(FLAGS) -c $< -o $@\n'
    echo "unity/%.o: unity/%.cpp"
    printf '\t$(CXX) $(FLAGS) -c $< -o $@\n'
  } >"$wide/Makefile"
  # The same sources as a unity build: ten tables per translation unit (the
  # generated constants are named per table, so they do not clash).
  mkdir -p "$wide/unity"
  i=0
  for s in $sources; do
    printf '#include "%s"\n' "$wide/cpp/$s" >>"$(printf '%s/unity/u%02d.cpp' "$wide" $((i / 10)))"
    i=$((i + 1))
  done
  say "d: $(echo "$sources" | wc -w) generated sources, $(cat "$wide"/cpp/*/*.cpp | wc -l) lines of .cpp, $(cat "$wide"/cpp/*/*.hpp | wc -l) of headers"
  hyperfine --runs "${COMPILE_RUNS:-2}" --prepare "rm -rf $wide/obj $wide/unity/*.o" \
    --export-markdown "$results/compile_wide.md" --export-json "$results/compile_wide.json" \
    -n "$tables generated tables, make -j2" "make -s -C $wide -j2 all" \
    -n "the same, 10 tables per translation unit (unity), make -j2" "make -s -C $wide -j2 unity"
  # One table: the generated ticks.cpp, the hand-written hand_ticks.cpp, and the
  # floor every DAO source pays (the headers alone).
  printf '#include <pqxx/pqxx>\n#include <schemac/dao/dao.hpp>\n#include <schemac/dao/dao_rows.hpp>\n' >"$work/headers_only.cpp"
  printf '#include <pqxx/pqxx>\n' >"$work/pqxx_only.cpp"
  one="$cxx $flags -I$root/bench/dao/cpp -I$root/bench/dao -c -o /dev/null"
  hyperfine --runs "${COMPILE_RUNS:-5}" --warmup 1 \
    --export-markdown "$results/compile_one.md" --export-json "$results/compile_one.json" \
    -n "generated ticks.cpp" "$one $root/bench/dao/cpp/bench/ticks.cpp" \
    -n "hand-written hand_ticks.cpp" "$one $root/bench/dao/hand/hand_ticks.cpp" \
    -n "headers only (pqxx + schemac/dao*.hpp)" "$one $work/headers_only.cpp" \
    -n "<pqxx/pqxx> only" "$one $work/pqxx_only.cpp"
  jq -r --argjson n "$tables" '.results[] | "d\t\(.command)\tmean \(.mean * 100 | round / 100) s\tper table \(.mean / $n * 1000 | round) ms (of wall, -j2)"' \
    "$results/compile_wide.json" | tee -a "$summary"
  jq -r '.results[] | "d\t\(.command)\tmean \(.mean * 1000 | round) ms\tmin \(.min * 1000 | round) ms"' "$results/compile_one.json" | tee -a "$summary"
fi
say "dao_bench: load average at the end $(cut -d' ' -f1-3 /proc/loadavg); results in $results"
