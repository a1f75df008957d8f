#!/usr/bin/env bash
# The whole test suite, on a fresh machine too: installs dependencies, builds
# with -Werror, runs unit, golden and PostgreSQL integration tests (ctest starts
# and stops its own PostgreSQL 15), then builds the fuzz target with clang
# (ASan + UBSan) and runs it for a short while on the seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

jobs=2
cmake -S . -B build -G Ninja -DSCHEMAC_WERROR=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build -j "$jobs" --output-on-failure

CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DSCHEMAC_FUZZ=ON -DSCHEMAC_WERROR=ON >/dev/null
cmake --build build-fuzz -j "$jobs"
ctest --test-dir build-fuzz --output-on-failure
