#!/usr/bin/env bash
# TimescaleDB for PostgreSQL 15, which Debian does not package: built from the
# vendored source and installed into PostgreSQL 15's directories, once.
#   source: $SCHEMAC_TIMESCALEDB_SRC, else ../shared/vendor/timescaledb-2.28.3-apache-src.tar.xz
#           beside this repository (checked against its sha256)
# Idempotent: nothing happens when PostgreSQL 15 already has timescaledb 2.28.3.
# Without the source it says how to get TimescaleDB and exits 0: the
# TimescaleDB tests then report themselves skipped, loudly (in CI, where
# .ci/run sets SCHEMAC_REQUIRE_TIMESCALEDB=1, they fail instead).
set -euo pipefail
version=2.28.3
sha256=69bea629fe03c2f725c3d1696d23341daa2e9a909f1a3d274884b57a401a0a47
root=$(cd "$(dirname "$0")/.." && pwd)
pg_bin=/usr/lib/postgresql/15/bin
libdir=/usr/lib/postgresql/15/lib
extdir=/usr/share/postgresql/15/extension
if [ -f "$libdir/timescaledb-$version.so" ] && [ -f "$extdir/timescaledb--$version.sql" ]; then exit 0; fi

src=${SCHEMAC_TIMESCALEDB_SRC:-$root/../shared/vendor/timescaledb-$version-apache-src.tar.xz}
if [ ! -f "$src" ]; then
  echo "setup: TimescaleDB $version is not installed and its source is not at $src:" \
       "the TimescaleDB tests will be skipped. Set SCHEMAC_TIMESCALEDB_SRC to the Apache-2.0 source tarball" \
       "of TimescaleDB $version, or install TimescaleDB $version for PostgreSQL 15 from its own packages." >&2
  exit 0
fi
echo "$sha256  $src" | sha256sum -c --quiet - || { echo "setup: $src is not TimescaleDB $version's source (sha256 differs)" >&2; exit 1; }

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if ! dpkg-query -W -f='${Status}' postgresql-server-dev-15 2>/dev/null | grep -q "install ok installed"; then
  echo "setup: installing postgresql-server-dev-15 (to build TimescaleDB)" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq --no-install-recommends postgresql-server-dev-15 >/dev/null 2>&1 ||
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends postgresql-server-dev-15 >/dev/null; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "setup: building TimescaleDB $version (Apache-2.0 part) for PostgreSQL 15, a few minutes on 2 cores" >&2
tar -xJf "$src" -C "$work"
cd "$work/timescaledb-$version"
cmake -S . -B build -DPG_CONFIG="$pg_bin/pg_config" -DAPACHE_ONLY=ON -DREGRESS_CHECKS=OFF -DTAP_CHECKS=OFF \
  -DWARNINGS_AS_ERRORS=OFF -DLINTER=OFF -DCMAKE_BUILD_TYPE=Release -DGENERATE_DOWNGRADE_SCRIPT=OFF \
  -DUSE_TELEMETRY=OFF >"$work/cmake.log" 2>&1 || { cat "$work/cmake.log" >&2; exit 1; }
cmake --build build -j2 >"$work/build.log" 2>&1 || { tail -50 "$work/build.log" >&2; exit 1; }
$sudo cmake --install build >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }
[ -f "$libdir/timescaledb-$version.so" ] || { echo "setup: TimescaleDB installed, but not into $libdir" >&2; exit 1; }
echo "setup: TimescaleDB $version installed" >&2
