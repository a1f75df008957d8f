#!/usr/bin/env bash
# Runs a C++ test binary against the TimescaleDB test server, or reports it
# skipped (exit 77, with the reason) where TimescaleDB is not installed, unless
# SCHEMAC_REQUIRE_TIMESCALEDB=1.
# Usage: run_cpp.sh BINARY TSDB_SOCKET_DIR
set -euo pipefail
if [ ! -f /usr/lib/postgresql/15/lib/timescaledb.so ]; then
  echo "SKIPPED: TimescaleDB is not installed for PostgreSQL 15 (scripts/setup-timescaledb.sh builds it from its source)" >&2
  [ "${SCHEMAC_REQUIRE_TIMESCALEDB:-}" = 1 ] && { echo "FAIL: SCHEMAC_REQUIRE_TIMESCALEDB=1" >&2; exit 1; }
  exit 77
fi
export SCHEMAC_TEST_PG="host=$2 user=postgres connect_timeout=10"
exec "$1"
