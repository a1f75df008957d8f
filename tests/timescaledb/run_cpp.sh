#!/usr/bin/env bash
# Runs a C++ test binary against the TimescaleDB test server, or reports it
# skipped (exit 77, with the reason) where TimescaleDB is not installed, unless
# SCHEMAC_REQUIRE_TIMESCALEDB=1.
# Usage: run_cpp.sh BINARY TSDB_SOCKET_DIR [ARGUMENTS...]
set -euo pipefail
bash "$(dirname "$0")/../../scripts/pg-test-server.sh" check-timescaledb
export SCHEMAC_TEST_PG="host=$2 user=postgres connect_timeout=10"
exec "$1" "${@:3}"
