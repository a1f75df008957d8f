# Sourced by the TimescaleDB tests (`source tsdb_db.sh NAME TSDB_SOCKET_DIR`):
# exits 77 (skipped, with the reason) where TimescaleDB is not installed,
# unless SCHEMAC_REQUIRE_TIMESCALEDB=1; else $db, a new database with the
# extension on the TimescaleDB test server, and $work, both removed on exit;
# psql_ as the superuser; fail; $url for schemac.
if [ ! -f /usr/lib/postgresql/15/lib/timescaledb.so ]; then
  echo "SKIPPED: TimescaleDB is not installed for PostgreSQL 15 (scripts/setup-timescaledb.sh builds it from its source)" >&2
  [ "${SCHEMAC_REQUIRE_TIMESCALEDB:-}" = 1 ] && { echo "FAIL: SCHEMAC_REQUIRE_TIMESCALEDB=1" >&2; exit 1; }
  exit 77
fi
source "$(dirname "${BASH_SOURCE[0]}")/../support/scratch_db.sh" "$1" "$2"
psql_ -d "$db" -c "CREATE EXTENSION timescaledb" >/dev/null
url="postgresql://postgres@/$db?host=$pg"
