# Sourced by the TimescaleDB tests (`source tsdb_db.sh NAME TSDB_SOCKET_DIR`):
# exits 77 (skipped, with the reason) where TimescaleDB is not installed,
# unless SCHEMAC_REQUIRE_TIMESCALEDB=1; else $db, a new database with the
# extension on the TimescaleDB test server, and $work, both removed on exit;
# psql_ as the superuser; fail; $url for schemac.
bash "$(dirname "${BASH_SOURCE[0]}")/../../scripts/pg-test-server.sh" check-timescaledb
source "$(dirname "${BASH_SOURCE[0]}")/../support/scratch_db.sh" "$1" "$2"
psql_ -d "$db" -c "CREATE EXTENSION timescaledb" >/dev/null
url="postgresql://postgres@/$db?host=$pg"
