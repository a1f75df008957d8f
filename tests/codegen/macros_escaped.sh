#!/usr/bin/env bash
# Every macro that the headers of generated C++ define here (g++ and clang++,
# -std=c++20 and -std=gnu++20) is in compiler/codegen/cpp_macros.inc, the
# list cpp_identifier escapes: a column, enum label or query parameter named
# like one (`EOF`, `stdin`, `linux`) then gets a `_` suffix instead of turning
# into the macro's expansion. Fails, naming the macros, when a new compiler,
# libc or libpqxx adds some. Usage: macros_escaped.sh SOURCE_DIR
set -euo pipefail
src=$1
listed=$(sed -n 's/^"\(.*\)",$/\1/p' "$src/compiler/codegen/cpp_macros.inc")
missing=$(LC_ALL=C comm -23 <("$src/scripts/cpp-macros.sh") <(LC_ALL=C sort <<<"$listed"))
if [ -n "$missing" ]; then
  echo "FAIL: macros that generated code sees but cpp_identifier does not escape:" >&2
  echo "$missing" | head -50 >&2
  echo "regenerate: scripts/cpp-macros.sh --inc > compiler/codegen/cpp_macros.inc" >&2
  exit 1
fi
echo "macros escaped: $(wc -l <<<"$listed") listed, none missing"
