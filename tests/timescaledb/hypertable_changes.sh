#!/usr/bin/env bash
# Changes to hypertables on a real TimescaleDB, through schemac diff and apply:
# the chunk interval changes with set_chunk_time_interval (the rollback puts
# the old one back, verify sees a hand-made change); a new time column and a
# hypertable turned back into a plain table are refused with the reason; a
# plain table with rows becomes a hypertable (migrate_data: the rows move into
# chunks, labelled table-rewrite); an index on a hypertable is built with the
# plain statement (TimescaleDB refuses CONCURRENTLY there); seed rows go into
# chunks, are updated and rolled back by key; a unique key without the time
# column is refused by schemac check as by the server; chunk intervals compare
# as the server reads them, whatever their spelling.
# Usage: hypertable_changes.sh SCHEMAC SOURCE_DIR TSDB_SOCKET_DIR
set -euo pipefail
schemac=$1
source "$(dirname "$0")/tsdb_db.sh" changes "$3"
export SCHEMAC_DATE=2026-01-02 SCHEMAC_DATABASE_URL=$url
cd "$work"
mkdir schema
sc() { "$schemac" "$@" >out 2>err; }
ticks() {   # the table with hypertable settings $1 and extra table keys $2
  printf 'tables:\n  ticks:\n    columns:\n      at: timestamptz\n      taken: timestamptz\n      symbol: text\n      px: numeric?\n    primary_key: [symbol, at, taken]\n%s%s' "$1" "$2" > schema/ticks.yaml
}
interval() { psql_ -d "$db" -Atc "SELECT time_interval FROM timescaledb_information.dimensions WHERE hypertable_name = 'ticks'"; }

# A plain table with rows becomes a hypertable: migrate_data moves them into chunks.
ticks "" ""
sc diff -m ticks || fail "diff ticks: $(cat err)"
sc apply || fail "apply ticks: $(cat err)"
psql_ -d "$db" -c "INSERT INTO ticks SELECT now() - g * interval '6 hours', now(), 'S', g FROM generate_series(1, 40) g" >/dev/null
ticks $'    hypertable:\n      time_column: at\n      chunk_interval: 1 day\n' ""
sc diff -m hypertable || fail "diff hypertable: $(cat err)"
cat out err | grep -q "table-rewrite: existing rows of ticks are moved into chunks (migrate_data)" || fail "no table-rewrite hazard: $(cat out err)"
sc apply || fail "apply hypertable: $(cat err)"
! grep -qi "warning" err || fail "apply warned: $(cat err)"
[ "$(psql_ -d "$db" -Atc "SELECT count(*) FROM timescaledb_information.chunks WHERE hypertable_name = 'ticks'")" -ge 9 ] || fail "the rows are not in chunks"
[ "$(psql_ -d "$db" -Atc "SELECT count(*) FROM ticks")" = 40 ] || fail "rows lost"
[ "$(interval)" = "1 day" ] || fail "chunk interval $(interval)"
sc verify || fail "verify after hypertable (exit $?): $(cat out err)"

# The chunk interval: set_chunk_time_interval, and back on rollback.
ticks $'    hypertable:\n      time_column: at\n      chunk_interval: 2 days\n' ""
sc diff -m interval || fail "diff interval: $(cat err)"
cat out err | grep -q "~ hypertable ticks: chunk interval 1 day -> 2 days" || fail "no interval step: $(cat out err)"
sc apply || fail "apply interval: $(cat err)"
[ "$(interval)" = "2 days" ] || fail "chunk interval after apply: $(interval)"
sc verify || fail "verify after interval (exit $?): $(cat out err)"
psql_ -d "$db" -c "SELECT set_chunk_time_interval('ticks', INTERVAL '3 days')" >/dev/null
sc verify && fail "verify missed a chunk interval changed by hand"
grep -q "chunk interval" out || fail "verify's drift does not name the interval: $(cat out)"
psql_ -d "$db" -c "SELECT set_chunk_time_interval('ticks', INTERVAL '2 days')" >/dev/null
sc rollback || fail "rollback interval: $(cat err)"
[ "$(interval)" = "1 day" ] || fail "chunk interval after rollback: $(interval)"
sc apply || fail "re-apply interval: $(cat err)"

# A new time column, and no hypertable at all: refused, with what it takes.
ticks $'    hypertable:\n      time_column: taken\n      chunk_interval: 2 days\n' ""
sc diff -m retime && fail "diff accepted a new time column"
grep -q "TimescaleDB cannot change the time column of a hypertable" err || fail "time column: $(cat err)"
ticks "" ""
sc diff -m plain && fail "diff accepted a hypertable turned plain"
grep -q "TimescaleDB cannot turn a hypertable back into a plain table" err || fail "plain: $(cat err)"

# Indexes on a hypertable: TimescaleDB refuses CONCURRENTLY, so schemac writes the plain statement, and says so.
psql_ -d "$db" -c "CREATE INDEX CONCURRENTLY ticks_px_probe ON ticks (px)" >/dev/null 2>probe && fail "TimescaleDB built an index concurrently on a hypertable"
grep -qi "concurrent" probe || fail "TimescaleDB's refusal: $(cat probe)"
ticks $'    hypertable:\n      time_column: at\n      chunk_interval: 2 days\n' $'    indexes:\n      - {columns: [px]}\n'
sc diff -m index || fail "diff index: $(cat err)"
cat out err | grep -q "exclusive-lock: writes to ticks wait while the index builds (TimescaleDB builds no index on a hypertable concurrently)" ||
  fail "index hazard: $(cat out err)"
up=$(ls generated/migrations/*_index.up.sql) || fail "no index migration: $(ls generated/migrations)"
grep -q "CREATE INDEX" "$up" && ! grep -q "CONCURRENTLY" "$up" || fail "not the plain CREATE INDEX on a hypertable: $(cat "$up")"
sc apply || fail "apply index: $(cat err)"
sc verify || fail "verify after index (exit $?): $(cat out err)"

# Seed rows of a hypertable: written by the migration, into chunks, updated and deleted by key.
seed=$'    seed:\n      - {symbol: SEED, at: "2020-01-01 00:00:00+00", taken: "2020-01-01 00:00:00+00", px: 1}\n      - {symbol: SEED, at: "2020-03-01 00:00:00+00", taken: "2020-03-01 00:00:00+00", px: 2}\n'
ticks $'    hypertable:\n      time_column: at\n      chunk_interval: 2 days\n' $'    indexes:\n      - {columns: [px]}\n'"$seed"
sc diff -m seed || fail "diff seed: $(cat err)"
sc apply || fail "apply seed: $(cat err)"
[ "$(psql_ -d "$db" -Atc "SELECT string_agg(px::text, ',' ORDER BY at) FROM ticks WHERE symbol = 'SEED'")" = "1,2" ] || fail "seed rows"
[ "$(psql_ -d "$db" -Atc "SELECT count(DISTINCT tableoid) FROM ticks WHERE symbol = 'SEED'")" = 2 ] || fail "the seed rows are not in two chunks"
ticks $'    hypertable:\n      time_column: at\n      chunk_interval: 2 days\n' $'    indexes:\n      - {columns: [px]}\n'"${seed/px: 2/px: 3}"
sc diff -m reseed || fail "diff reseed: $(cat err)"
sc apply || fail "apply reseed: $(cat err)"
[ "$(psql_ -d "$db" -Atc "SELECT string_agg(px::text, ',' ORDER BY at) FROM ticks WHERE symbol = 'SEED'")" = "1,3" ] || fail "seed row update"
sc rollback || fail "rollback reseed: $(cat err)"
[ "$(psql_ -d "$db" -Atc "SELECT string_agg(px::text, ',' ORDER BY at) FROM ticks WHERE symbol = 'SEED'")" = "1,2" ] || fail "seed row rollback"
sc verify || fail "verify after seeds (exit $?): $(cat out err)"

# A unique key without the time column: schemac check refuses it, and so does the server.
ticks $'    hypertable:\n      time_column: at\n      chunk_interval: 2 days\n' $'    indexes:\n      - {columns: [px]}\n    unique: [[symbol, px]]\n'
sc check && fail "check accepted a unique key without the time column"
grep -q "must include the time column" err || fail "check: $(cat err)"
psql_ -d "$db" -c "ALTER TABLE ticks ADD CONSTRAINT ticks_probe UNIQUE (symbol, px)" >/dev/null 2>probe && fail "the server accepted it"
grep -qi "partitioning" probe || fail "the server's refusal: $(cat probe)"
# inspect reads the hypertable back (time column, interval) and no chunk or TimescaleDB schema.
psql_ -d "$db" -c "ALTER TABLE ticks DROP CONSTRAINT IF EXISTS ticks_probe" >/dev/null
sc inspect --db "$url" || fail "inspect: $(cat err)"
grep -q "time_column: at" out && grep -q 'chunk_interval: "2 days"' out || fail "inspect: no hypertable: $(cat out)"
! grep -q "_hyper_\|_timescaledb" out || fail "inspect shows TimescaleDB's internals: $(cat out)"

# Chunk intervals as the server reads them: a respelled interval is no change,
# and the database's own spelling ("12:00:00" for "12 hours") is no drift.
sc apply || fail "re-apply reseed: $(cat err)"
extras=$'    indexes:\n      - {columns: [px]}\n'"${seed/px: 2/px: 3}"
ticks $'    hypertable:\n      time_column: at\n      chunk_interval: "48 hours"\n' "$extras"
sc diff -m respelled || fail "diff respelled: $(cat err)"
grep -q "no changes" out err || fail "48 hours differs from 2 days: $(cat out err)"
for spelling in "12 hours" "1d" "36:00:00" "1 week" "1 mon" "1.5 days" "90 mins" "1 day 02:00:00" "@ 3 days"; do
  ticks $'    hypertable:\n      time_column: at\n      chunk_interval: "'"$spelling"$'"\n' "$extras"
  sc diff -m "interval" || fail "diff to $spelling: $(cat err)"
  sc apply || fail "apply $spelling: $(cat err)"
  [ "$(psql_ -d "$db" -Atc "SELECT time_interval = INTERVAL '$spelling' FROM timescaledb_information.dimensions WHERE hypertable_name = 'ticks'")" = t ] ||
    fail "chunk interval $(interval) after $spelling"
  sc verify || fail "verify after $spelling (the server says $(interval); exit $?): $(cat out err)"
done
echo "hypertable changes on TimescaleDB: ok"
