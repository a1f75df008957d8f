#!/usr/bin/env bash
# Without TimescaleDB its tests say they are skipped and why (exit 77, which
# ctest shows as "Skipped"), never pass silently; with
# SCHEMAC_REQUIRE_TIMESCALEDB=1, as in CI, they fail instead.
# Usage: skip.sh SOURCE_DIR
set -uo pipefail
check() { SCHEMAC_TIMESCALEDB_LIB=/nonexistent/timescaledb.so bash "$1/scripts/pg-test-server.sh" check-timescaledb 2>err; }
fail() { echo "FAIL: $*" >&2; exit 1; }
SCHEMAC_REQUIRE_TIMESCALEDB= check "$1"; code=$?
[ "$code" = 77 ] || fail "missing TimescaleDB: exit $code, not 77"
grep -q "^SKIPPED: TimescaleDB is not installed for PostgreSQL 15 (/nonexistent/timescaledb.so is missing)" err || fail "no reason: $(cat err)"
grep -q "scripts/setup-timescaledb.sh" err || fail "no way to get it: $(cat err)"
SCHEMAC_REQUIRE_TIMESCALEDB=1 check "$1"; code=$?
[ "$code" = 1 ] || fail "required and missing: exit $code, not 1"
grep -q "SCHEMAC_REQUIRE_TIMESCALEDB=1 requires TimescaleDB" err || fail "required: $(cat err)"
echo "skip: ok"
