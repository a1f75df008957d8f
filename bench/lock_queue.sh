#!/usr/bin/env bash
# The migration outage, measured: a reader holds ACCESS SHARE on a table for
# HOLD seconds (a long transaction that read it), a migration adds a column
# (ALTER TABLE: ACCESS EXCLUSIVE), and a prober runs plain SELECTs on the table
# one after another throughout. Reported per way of migrating: how long the
# migration took, and the longest any SELECT was blocked.
#   schemac apply    with its defaults: statement_lock_timeout 3s, 5 retries after
#                    1s, 2s, 4s, ... (docs/config.md)
#   psql -1 -f       the same file the way a hand-rolled script runs it (no lock_timeout)
#
#   bench/lock_queue.sh [SCHEMAC]
#
#   SCHEMAC   the schemac binary (default build-bench/schemac, else build/schemac)
#   env HOLD  how long the reader holds its lock, in seconds (default 12)
#   env RESULTS_DIR  where results go (default build-bench/lock_queue): lock_queue.md, migrations.log
# Its own throwaway PostgreSQL 15 (scripts/pg-test-server.sh), always stopped.
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_setup lock_queue "$@"
bench_scratch lock-queue
hold=${HOLD:-12}
psql=$(command -v "${PSQL:-/usr/lib/postgresql/15/bin/psql}") \
  || { echo "lock_queue: ${PSQL:-/usr/lib/postgresql/15/bin/psql} missing: run scripts/setup.sh (PostgreSQL 15)" >&2; exit 2; }

"$root/scripts/pg-test-server.sh" start "$pgdir"
conn="host=$pgdir user=postgres dbname=queue"
q() { PGOPTIONS="-c client_min_messages=warning" "$psql" -X -q -At -v ON_ERROR_STOP=1 -h "$pgdir" -U postgres "$@"; }
mkdir -p "$work/migrations"
printf 'ALTER TABLE busy ADD COLUMN note text;\n' >"$work/migrations/0001_note.up.sql"

select_busy() { q -d queue -c "SELECT count(*) FROM busy" >/dev/null; }

# run NAME COMMAND...: one experiment on a fresh database; prints a table row.
run() {
  local name=$1
  shift
  q -d postgres -c "DROP DATABASE IF EXISTS queue" -c "CREATE DATABASE queue"
  q -d queue -c "CREATE TABLE busy (id int)" -c "INSERT INTO busy SELECT generate_series(1, 10000)"
  q -d queue -c "BEGIN; SELECT count(*) FROM busy; SELECT pg_sleep($hold); COMMIT" >/dev/null &
  local reader=$!
  sleep 0.5
  local t0
  t0=$(now_ms)
  "$@" >"$work/migration.log" 2>&1 &
  local migration=$!
  probe_while "$migration" select_busy
  wait "$migration" || { cat "$work/migration.log" >&2; echo "lock_queue: $name failed" >&2; exit 1; }
  local took_all=$(( $(now_ms) - t0 ))
  wait "$reader"
  [ "$(q -d queue -c "SELECT count(*) FROM information_schema.columns WHERE table_name = 'busy' AND column_name = 'note'")" = 1 ] \
    || { echo "lock_queue: $name did not add the column" >&2; exit 1; }
  { echo "== $name"; cat "$work/migration.log"; } >>"$results/migrations.log"
  awk -v n="$name" -v t="$took_all" -v l="$probe_longest" -v b="$probe_blocked" -v p="$probe_count" \
    'BEGIN { printf "| %s | %.1f s | %d ms | %d of %d |\n", n, t / 1000, l, b, p }'
}

out=$results/lock_queue.md
: >"$results/migrations.log"   # what each migration printed (schemac: its waits and retries)
{
  echo "lock_queue: $(date -u '+%F %T') UTC, reader holds its lock ${hold}s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| migration | took | longest SELECT on the table | SELECTs blocked > 1 s |"
  echo "|---|---:|---:|---:|"
  run "schemac apply (defaults)" "$schemac" apply --db "$conn" --dir "$work/migrations"
  run "psql -1 -f" "$psql" -X -q -1 -v ON_ERROR_STOP=1 -h "$pgdir" -U postgres -d queue -f "$work/migrations/0001_note.up.sql"
} | tee "$out"
