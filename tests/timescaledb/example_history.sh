#!/usr/bin/env bash
# The committed example history (generated/migrations, two hypertables) on a
# real TimescaleDB: applied one version at a time, `schemac verify` finds no
# drift at each (TimescaleDB's own time index is part of the model); then
# rolled back one version at a time, the catalog (tables, columns, indexes,
# constraints, and the hypertables with their dimensions) is the one that
# version had on the way up.
# Usage: example_history.sh SCHEMAC SOURCE_DIR TSDB_SOCKET_DIR
set -euo pipefail
schemac=$1
src=$2
source "$(dirname "$0")/tsdb_db.sh" example "$3"
cd "$work"
cp -r "$src/generated/migrations" m
user_schemas="n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE '\\_timescaledb%' AND n.nspname NOT LIKE 'timescaledb\\_%'"
fingerprint() {
  psql_ -d "$db" -At -c "SELECT string_agg(x, E'\n' ORDER BY x) FROM (
    SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) ||
           CASE WHEN a.attnotnull THEN ' not null' ELSE '' END || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE $user_schemas AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND c.relname NOT LIKE 'schemac\\_migrations%'
    UNION ALL SELECT 'index ' || pg_get_indexdef(i.indexrelid)
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE $user_schemas AND c.relname NOT LIKE 'schemac\\_migrations%'
    UNION ALL SELECT 'constraint ' || k.conrelid::regclass || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
      FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
      WHERE $user_schemas AND k.conrelid <> 0 AND k.conrelid::regclass::text NOT LIKE 'schemac\\_migrations%'
    UNION ALL SELECT 'hypertable ' || hypertable_schema || '.' || hypertable_name || ' ' || column_name || ' ' ||
           coalesce(time_interval::text, integer_interval::text, '') || ' ' || dimension_type
      FROM timescaledb_information.dimensions
  ) s(x)"
}
versions=$(cd m && ls [0-9][0-9][0-9][0-9]_*.up.sql | cut -c1-4 | sort -u)
[ "$(echo "$versions" | wc -l)" -ge 3 ] || fail "the example history has fewer than 3 versions: $versions"
declare -A at
for v in $versions; do
  "$schemac" apply --db "$url" --dir m --target "$((10#$v))" >out 2>err || fail "apply --target $v: $(cat err)"
  ! grep -q "TimescaleDB is not installed" out err || fail "apply $v: TimescaleDB not seen: $(cat err)"
  "$schemac" verify --db "$url" --dir m >out 2>err || fail "verify at $v (exit $?): $(cat out err)"
  at[$v]=$(fingerprint)
done
[ "$(psql_ -d "$db" -Atc "SELECT count(*) FROM timescaledb_information.hypertables")" -ge 2 ] || fail "the example history made no hypertables"
# No chunk table or TimescaleDB schema is ever a user table to verify.
psql_ -d "$db" -c "INSERT INTO adaptive.market_data (time, symbol, open, high, low, close, volume)
  SELECT now() - g * interval '1 day', 'S' || (g % 5), 1, 2, 1, 1, 1 FROM generate_series(1, 40) g" >/dev/null
[ "$(psql_ -d "$db" -Atc "SELECT count(*) FROM timescaledb_information.chunks WHERE hypertable_name = 'market_data'")" -ge 30 ] ||
  fail "40 days of bars made fewer than 30 one-day chunks"
"$schemac" verify --db "$url" --dir m >out 2>err || fail "verify with chunks (exit $?): $(cat out err)"
rev=$(echo "$versions" | sort -r)
prev=""
for v in $rev; do
  if [ -n "$prev" ]; then
    [ "$(fingerprint)" = "${at[$v]}" ] || { diff <(echo "${at[$v]}") <(fingerprint) >&2 || true; fail "rolled back to $v: the catalog differs from $v's"; }
    "$schemac" verify --db "$url" --dir m >out 2>err || fail "verify after rolling back to $v (exit $?): $(cat out err)"
  fi
  "$schemac" rollback --db "$url" --dir m --allow-destructive >out 2>err || fail "rollback of $v: $(cat err)"
  prev=$v
done
[ "$(psql_ -d "$db" -Atc "SELECT count(*) FROM timescaledb_information.hypertables")" = 0 ] || fail "hypertables left after rolling back everything"
echo "example history on TimescaleDB: ok ($(echo $versions | wc -w) versions)"
