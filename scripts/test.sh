#!/usr/bin/env bash
# The whole test suite, on a fresh machine too: installs dependencies, builds
# with -Werror, fuzzes the loader for 30 s (clang, libFuzzer, ASan + UBSan), then
# runs unit, golden and PostgreSQL integration tests (ctest starts and stops its
# own PostgreSQL 15).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

jobs=2
# The fuzz run first, so the last summary printed is the main suite's.
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DSCHEMAC_FUZZ=ON -DSCHEMAC_WERROR=ON >/dev/null
cmake --build build-fuzz -j "$jobs"
ctest --test-dir build-fuzz --output-on-failure

cmake -S . -B build -G Ninja -DSCHEMAC_WERROR=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build -j "$jobs" --output-on-failure
