#!/usr/bin/env bash
# Installs what schemac needs to build and test, from Debian packages only.
# Idempotent: installs only what is missing, and runs `apt-get update` only then.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config git        # build
  libyaml-cpp-dev libcli11-dev                 # compiler: YAML loader, command line
  nlohmann-json3-dev                           # compiler: the JSON output of the commands
  libpqxx-dev libpq-dev                        # runtime and tests: PostgreSQL client
  libsqlite3-dev sqlite3                       # the SQLite dialect (C API); the sqlite3 shell for benchmarks
  doctest-dev                                  # unit tests
  libpg-query-dev                              # tests: PostgreSQL's grammar checks every generated statement
  postgresql-15                                # the real database the tests start themselves
  clang libclang-rt-14-dev                     # libFuzzer and sanitizers
  libkainjow-mustache-dev                      # codegen: logic-less templates for the generated C++
  libbenchmark-dev hyperfine                   # bench/
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# tests/editor runs yaml-language-server (from npm, into the build tree). Node
# and npm are taken as commands, not packages: a machine may already have a
# Node.js whose package ships npm itself (nodesource), and Debian's npm package
# conflicts with that. Only when either command is missing do Debian's come in.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# TimescaleDB, which Debian does not package: built from its source, once.
"$(dirname "$0")/setup-timescaledb.sh"
