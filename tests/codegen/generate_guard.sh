#!/usr/bin/env bash
# schemac_generate() called for several schemas in one build: overlapping
# output directories and a shared namespace are refused at configure time,
# naming the other call; separate ones configure. Configure only: the build
# of two schemas in one program is the consumer test's.
# Usage: generate_guard.sh SCHEMAC SOURCE_DIR
set -uo pipefail
schemac=$1
src=$2
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/a" "$work/b"
printf 'tables:\n  users:\n    columns:\n      id: bigint\n    primary_key: [id]\n' >"$work/a/a.yaml"
printf 'tables:\n  users:\n    columns:\n      id: bigint\n      name: text\n    primary_key: [id]\n' >"$work/b/b.yaml"

# configure NAME EXPECTED CALL_A_ARGS CALL_B_ARGS: EXPECTED is "ok" or a line the error must hold.
configure() {
  local name=$1 expected=$2 dir="$work/$1"
  mkdir -p "$dir"
  cat >"$dir/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(guard_$name LANGUAGES CXX)
set(SCHEMAC_EXECUTABLE "$schemac")
include("$src/cmake/SchemacGenerate.cmake")
schemac_generate(schema_a SCHEMA "$work/a" $3)
schemac_generate(schema_b SCHEMA "$work/b" $4)
CMAKE
  local out
  out=$(cmake -S "$dir" -B "$dir/build" 2>&1)
  local rc=$?
  if [ "$expected" = ok ]; then
    [ $rc -eq 0 ] || fail "$name: configure failed: $out"
    return
  fi
  [ $rc -ne 0 ] || fail "$name: configure accepted it"
  # CMake wraps long messages: compare with the line breaks and indentation folded away.
  tr -s ' \n' ' ' <<<"$out" | grep -qF "$expected" || fail "$name: no '$expected' in: $out"
}

configure separate ok "OUTPUT_DIR \${CMAKE_BINARY_DIR}/db NAMESPACE a" "OUTPUT_DIR \${CMAKE_BINARY_DIR}/db2 NAMESPACE b"
configure same_dir "OUTPUT_DIR $work/same_dir/build/db overlaps the OUTPUT_DIR of schemac_generate(schema_a)" \
  "OUTPUT_DIR \${CMAKE_BINARY_DIR}/db NAMESPACE a" "OUTPUT_DIR \${CMAKE_BINARY_DIR}/./db/ NAMESPACE b"
configure nested "overlaps the OUTPUT_DIR of schemac_generate(schema_a)" \
  "OUTPUT_DIR \${CMAKE_BINARY_DIR}/db NAMESPACE a" "OUTPUT_DIR \${CMAKE_BINARY_DIR}/db/b NAMESPACE b"
configure holds "overlaps the OUTPUT_DIR of schemac_generate(schema_a)" \
  "OUTPUT_DIR \${CMAKE_BINARY_DIR}/db/a NAMESPACE a" "OUTPUT_DIR \${CMAKE_BINARY_DIR}/db NAMESPACE b"
configure default_namespace "NAMESPACE db is also the namespace of schemac_generate(schema_a)" \
  "OUTPUT_DIR \${CMAKE_BINARY_DIR}/a" "OUTPUT_DIR \${CMAKE_BINARY_DIR}/b"
configure same_namespace "NAMESPACE acme::db is also the namespace of schemac_generate(schema_a)" \
  "OUTPUT_DIR \${CMAKE_BINARY_DIR}/a NAMESPACE acme::db" "OUTPUT_DIR \${CMAKE_BINARY_DIR}/b NAMESPACE acme::db"

[ "$failures" -eq 0 ] || exit 1
echo "schemac_generate guard: ok"
