#!/usr/bin/env bash
# A large initial schema end to end: `schemac diff` (written as several
# migrations within the lock budget, docs/migrations.md), `apply`, `verify`
# and `plan --from DATABASE` (normalised in rounds, docs/inspect.md), timed
# once each per size, on a server with PostgreSQL's default lock table
# (max_locks_per_transaction 64, max_connections 100).
#
#   bench/large_schema_bench.sh [SCHEMAC]
#
#   SCHEMAC   the schemac binary to measure (default: build-bench/schemac, else build/schemac).
#   env SIZES  numbers of tables (default "1000 5000").
#   env RESULTS_DIR  where large_schema_bench.txt goes (default build-bench/large_schema_bench).
#
# Each table: a serial key, a text column, a foreign key to the table before,
# a check and an index (6 relations: about 30,000 for 5,000 tables, nearly five
# times the server's lock table). Its own throwaway PostgreSQL 15
# (scripts/pg-test-server.sh, fsync off) in /tmp/schemac-large-bench-pg, started
# with max_connections=100, always stopped again.
#
# Measured on the project machine (2 shared cores), docs/migrations.md:
#   tables  migrations  diff_s  apply_s  verify_s  plan_from_db_s
#     1000           9     0.4      8.3      28.4            29.6
#     5000          41     3.1     41.7     204.3           222.7
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_setup large_schema_bench "$@"
sizes=${SIZES:-1000 5000}
[[ " $sizes " =~ ^(\ [1-9][0-9]{0,4})+\ $ ]] || { echo "large_schema_bench: SIZES: numbers of tables from 1 to 99999, not '$sizes'" >&2; exit 2; }
pgdir=/tmp/schemac-large-bench-pg
work=$(mktemp -d /tmp/schemac-large-bench.XXXXXX)
trap '"$root/scripts/pg-test-server.sh" stop "$pgdir" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# scripts/pg-test-server.sh's server (it raises max_connections to 200 for the
# test suite), restarted with PostgreSQL's default max_connections.
bin=/usr/lib/postgresql/15/bin
"$root/scripts/pg-test-server.sh" start "$pgdir" >/dev/null
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg "$bin/pg_ctl" -D "$pgdir/data" -m fast -w -s stop
as_pg "$bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -s \
  -o "-c listen_addresses='' -k $pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" start
psql=$bin/psql
conn="host=$pgdir user=postgres"
locks=$("$psql" -X -qAt -d "$conn dbname=postgres" -c "SELECT current_setting('max_locks_per_transaction')::int * (current_setting('max_connections')::int + current_setting('max_prepared_transactions')::int)")

gen_yaml() {
  local n=$1 i t
  printf 'schema: public\ntables:\n'
  for ((i = 0; i < n; i++)); do
    printf -v t 't%05d' "$i"
    printf '  %s:\n    columns:\n      id: serial\n      name: text\n' "$t"
    ((i > 0)) && printf "      prev: {type: 'integer?', references: t%05d}\n" $((i - 1))
    printf "    primary_key: [id]\n    checks:\n      %s_named: name <> ''\n    indexes:\n      - columns: [name]\n" "$t"
  done
}

# seconds COMMAND...: runs it, prints its wall time; its output goes to $work/out, $work/err.
seconds() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$work/out" 2>"$work/err" || { echo "large_schema_bench: failed: $*" >&2; tail -5 "$work/err" >&2; exit 1; }
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}

report=$results/large_schema_bench.txt
{
  echo "server lock table: $locks locks (max_locks_per_transaction x (max_connections + max_prepared_transactions))"
  echo "tables  migrations  diff_s  apply_s  verify_s  plan_from_db_s"
} >"$report"
for n in $sizes; do
  db=large_$n
  "$psql" -X -q -d "$conn dbname=postgres" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  mkdir -p "$work/$n/schema"
  gen_yaml "$n" >"$work/$n/schema/tables.yaml"
  dir=$work/$n/migrations
  d=$(SCHEMAC_DATE=2026-01-01 seconds "$schemac" diff -m "initial schema" --dir "$dir" "$work/$n/schema")
  files=$(find "$dir" -name '*.up.sql' | wc -l)
  a=$(seconds "$schemac" apply --db "$conn dbname=$db" --dir "$dir")
  v=$(seconds "$schemac" verify --db "$conn dbname=$db" --dir "$dir")
  grep -q "^schemac: no drift: " "$work/out" || { echo "large_schema_bench: verify: $(cat "$work/out")" >&2; exit 1; }
  p=$(seconds "$schemac" plan --from "$conn dbname=$db" --to "$work/$n/schema")
  [ ! -s "$work/out" ] || { echo "large_schema_bench: plan is not empty" >&2; exit 1; }
  printf '%6d  %10d  %6.1f  %7.1f  %8.1f  %14.1f\n' "$n" "$files" "$d" "$a" "$v" "$p" >>"$report"
done
cat "$report"
