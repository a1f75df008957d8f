#!/usr/bin/env bash
# names_compile.sh SCHEMAC SOURCE_DIR OUT
# Generates C++ for tests/codegen/names/ (keywords, macros, the templates' own
# parameter and local names, sanitised names, schemas named std, schemac and
# pqxx) and compiles every generated file with g++ and, if installed, clang++,
# each in -std=c++20 and -std=gnu++20 (where `linux` and `unix` are macros),
# with -Wall -Wextra -Werror. The output directory is not on the include path:
# generated files must find each other relative to themselves.
set -euo pipefail
schemac=$1 src=$2 out=$3
rm -rf "$out"
"$schemac" generate "$src/tests/codegen/names" --out "$out" --no-migrations \
  --config "$src/cmake/schemac-empty.yaml" >/dev/null
read -r -a pq <<<"$(pkg-config --cflags libpqxx 2>/dev/null || true)"
compilers=(g++)
if command -v clang++ >/dev/null; then compilers+=(clang++); fi
mapfile -t files < <(cd "$out" && find . -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort)
failed=0
for cxx in "${compilers[@]}"; do
  for std in c++20 gnu++20; do
    for f in "${files[@]}"; do
      # A header is compiled as if included first by an empty source file.
      unit=("$out/${f#./}"); [[ $f == *.hpp ]] && unit=(-x c++ -include "$out/${f#./}" /dev/null)
      if ! "$cxx" -std=$std -Wall -Wextra -Werror -fsyntax-only -DPQXX_HAVE_OPTIONAL \
           -I"$src/runtime/include" "${pq[@]}" "${unit[@]}" 2>"$out/errors.txt"; then
        echo "FAIL: $cxx -std=$std ${f#./}" >&2
        head -20 "$out/errors.txt" >&2
        failed=1
      fi
    done
  done
done
[ $failed = 0 ] || exit 1
echo "names compile: ${#files[@]} files with ${compilers[*]} in c++20 and gnu++20"
