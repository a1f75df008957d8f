#!/usr/bin/env bash
# Installs what schemac needs to build and test, from Debian packages only.
# Idempotent: installs only what is missing, and runs `apt-get update` only then.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config git        # build
  libyaml-cpp-dev libcli11-dev                 # compiler: YAML loader, command line
  libpqxx-dev libpq-dev                        # runtime and tests: PostgreSQL client
  doctest-dev                                  # unit tests
  libpg-query-dev                              # tests: PostgreSQL's grammar checks every generated statement
  postgresql-15                                # the real database the tests start themselves
  clang libclang-rt-14-dev                     # libFuzzer and sanitizers
  libkainjow-mustache-dev                      # codegen: logic-less templates for the generated C++
  libbenchmark-dev hyperfine                   # bench/
  nodejs npm                                   # tests/editor: yaml-language-server (npm, into the build tree)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
