#!/usr/bin/env bash
# run.sh BUILD_DIR SOURCE_DIR PG_DIR
# The consumer project (tests/consumer) against an installed schemac:
#  1. `cmake --install` the build into a scratch prefix;
#  2. configure and build the consumer with find_package(schemac) and
#     schemac_generate; run it against the test server, twice (the second run
#     finds its migrations applied);
#  3. a no-op rebuild does nothing; touching a YAML file reruns schemac but
#     recompiles nothing; a column no migration creates fails the build;
#     with ALLOW_UNMIGRATED, editing one table recompiles that table's DAO only.
set -euo pipefail
build=$1 src=$2 pgdir=$3
work=$(mktemp -d)
db="consumer_$$"
cleanup() {
  psql -h "$pgdir" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# A failing step shows its output; a passing one stays quiet.
quiet() { "$@" > "$work/log" 2>&1 || { cat "$work/log"; echo "failed: $*"; exit 1; }; }
build() { quiet cmake --build "$work/build" -j2; }

quiet cmake --install "$build" --prefix "$work/prefix"
cp -r "$src/tests/consumer" "$work/src"   # the test edits its copy, never the repository
generator=(-G Ninja)
quiet cmake -S "$work/src" -B "$work/build" "${generator[@]}" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release
build

psql -h "$pgdir" -U postgres -d postgres -qc "CREATE DATABASE $db" >/dev/null
conninfo="host=$pgdir user=postgres dbname=$db"
out=$("$work/build/consumer" "$conninfo")
expected="ok id=1 status=open price=101.250000 open_qty=5"
[ "$out" = "$expected" ] || { echo "first run printed: $out (expected: $expected)"; exit 1; }
out=$("$work/build/consumer" "$conninfo")
expected="ok id=3 status=open price=101.250000 open_qty=10"
[ "$out" = "$expected" ] || { echo "second run printed: $out (expected: $expected)"; exit 1; }
echo "ok: built from the install and ran twice"

# mtimes of every generated file and object file, sorted.
stamps() { (cd "$work/build" && find gen CMakeFiles -type f \( -name '*.hpp' -o -name '*.cpp' -o -name '*.o' \) -printf '%p %T@\n' | sort); }
changed() { { diff <(echo "$1") <(echo "$2") || true; } | sed -n 's/^> \([^ ]*\) .*/\1/p'; }

before=$(stamps)
build
[ "$(stamps)" = "$before" ] || { echo "a no-op rebuild touched:"; changed "$before" "$(stamps)"; exit 1; }

sleep 1.1   # mtimes must be able to differ
touch "$work/src/schema/audit.yaml"
build
after=$(stamps)
[ "$after" = "$before" ] || { echo "touching a YAML file rewrote or recompiled:"; changed "$before" "$after"; exit 1; }
echo "ok: touching the YAML regenerates nothing and recompiles nothing"

# A column that no migration creates: the build fails, naming it, and writes
# nothing (the application would fail at run time: column "note" does not exist).
sleep 1.1
sed -i 's/^      what: text$/      what: text\n      note: text?/' "$work/src/schema/audit.yaml"
if cmake --build "$work/build" -j2 > "$work/log" 2>&1; then echo "the build accepted a column no migration creates"; exit 1; fi
grep -q 'migrations: error: the schema has changes that no migration contains (+ column shop.audit_log.note); run schemac diff -m "<what changed>" first, or pass --allow-unmigrated' "$work/log" ||
  { cat "$work/log"; echo "the failed build does not say why"; exit 1; }
[ "$(stamps)" = "$before" ] || { echo "the refused generation changed:"; changed "$before" "$(stamps)"; exit 1; }
echo "ok: a column no migration creates fails the build"

# ALLOW_UNMIGRATED opts out: the same edit builds.
sed -i 's|^  MIGRATIONS \(.*\))$|  MIGRATIONS \1\n  ALLOW_UNMIGRATED)|' "$work/src/CMakeLists.txt"
grep -q '^  ALLOW_UNMIGRATED)$' "$work/src/CMakeLists.txt" || { echo "could not add ALLOW_UNMIGRATED"; exit 1; }
build
touched=$(changed "$before" "$(stamps)" | sort | tr '\n' ' ')
expected_touched="CMakeFiles/shop_db.dir/gen/shop_db/shop/audit_log.cpp.o gen/shop_db/shop/audit_log.cpp gen/shop_db/shop/audit_log.hpp "
[ "$touched" = "$expected_touched" ] || { echo "editing audit_log changed: $touched"; echo "expected: $expected_touched"; exit 1; }
echo "ok: editing one table regenerates and recompiles that table only"
