#!/usr/bin/env bash
# The main job on the example schema: install, build, check schema/ and show
# what it contains.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -G Ninja >/dev/null
cmake --build build -j 2 --target schemac >/dev/null
./build/schemac check schema
./build/schemac show schema
