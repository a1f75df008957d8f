#!/usr/bin/env bash
# What a migration on a table with rows costs the application writing to it,
# measured: a writer INSERTs into the table one row after another (each its
# own psql, so each takes some ms anyway) while `schemac apply` runs the same
# schema change two ways:
#   online (default)   CREATE INDEX CONCURRENTLY, UNIQUE through CREATE UNIQUE
#                      INDEX CONCURRENTLY + USING INDEX, SET NOT NULL through a
#                      validated CHECK, a backfill in committed batches
#   direct             the same YAML with online: false and concurrently: false:
#                      plain statements in the migration's transaction
# Reported per way: how long the migration took, the longest INSERT, and how
# many INSERTs took over 1 s.
#
#   bench/online_forms.sh [SCHEMAC]
#
#   SCHEMAC   the schemac binary (default build-bench/schemac, else build/schemac)
#   env ROWS  rows in the table (default 1000000)
#   env RESULTS_DIR  where results go (default build-bench/online_forms): online_forms.md
# Its own throwaway PostgreSQL 15 (scripts/pg-test-server.sh), always stopped.
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_setup online_forms "$@"
bench_scratch online-forms
rows=${ROWS:-1000000}
psql=$(command -v "${PSQL:-/usr/lib/postgresql/15/bin/psql}") \
  || { echo "online_forms: ${PSQL:-/usr/lib/postgresql/15/bin/psql} missing: run scripts/setup.sh (PostgreSQL 15)" >&2; exit 2; }
"$root/scripts/pg-test-server.sh" start "$pgdir" >/dev/null
q() { PGOPTIONS="-c client_min_messages=warning" "$psql" -X -q -At -v ON_ERROR_STOP=1 -h "$pgdir" -U postgres "$@"; }
export SCHEMAC_DATE=2026-01-02

from='tables:
  accounts:
    columns:
      id: bigserial
      email: text?
      score: integer?
    primary_key: [id]
'
# to OPT: the change, with OPT (", online: false" / ", concurrently: false") or without.
to() {
  cat <<YAML
tables:
  accounts:
    columns:
      id: bigserial
      email: text?
      score: {type: integer$1}
      tier: {type: integer, backfill: "id % 3"$1}
    primary_key: [id]
    unique:
      - {columns: [email]$2}
    indexes:
      - {columns: [score]$2}
YAML
}

# insert_one N: the writer's row N. With tier once the migration added it (the
# application deployed with the new schema writes it), without before; the
# second try with it again covers the commit falling between the first two.
insert_one() {
  q -d online -c "INSERT INTO accounts (email, score, tier) VALUES ('w$1', 1, 1)" >/dev/null 2>&1 ||
    q -d online -c "INSERT INTO accounts (email, score) VALUES ('w$1', 1)" >/dev/null 2>&1 ||
    q -d online -c "INSERT INTO accounts (email, score, tier) VALUES ('w$1', 1, 1)" >/dev/null
}

# run NAME COLUMN_OPT KEY_OPT: a fresh database and project, the change applied
# while the writer inserts; prints a table row.
run() {
  local name=$1
  q -d postgres -c "DROP DATABASE IF EXISTS online" -c "CREATE DATABASE online"
  rm -rf "$work/p" && mkdir -p "$work/p/schema" && cd "$work/p"
  printf '%s' "$from" >schema/s.yaml
  "$schemac" diff -m create >/dev/null 2>&1
  "$schemac" apply --db "host=$pgdir user=postgres dbname=online" >/dev/null 2>&1
  q -d online -c "INSERT INTO accounts (email, score) SELECT 'a' || g, g FROM generate_series(1, $rows) g" -c "VACUUM ANALYZE accounts"
  to "$2" "$3" >schema/s.yaml
  "$schemac" diff -m change >/dev/null 2>&1
  local files
  files=$(find generated/migrations -maxdepth 1 -name '*.up.sql' | wc -l)
  local t0
  t0=$(now_ms)
  "$schemac" apply --db "host=$pgdir user=postgres dbname=online" >"$work/apply.log" 2>&1 &
  local migration=$!
  probe_while "$migration" insert_one
  wait "$migration" || { cat "$work/apply.log" >&2; echo "online_forms: $name failed" >&2; exit 1; }
  local took_all=$(( $(now_ms) - t0 ))
  [ "$(q -d online -c "SELECT count(*) FROM accounts WHERE tier IS NULL")" = 0 ] || { echo "online_forms: $name left rows unfilled" >&2; exit 1; }
  cd "$root"
  awk -v n="$name" -v f="$((files - 1))" -v t="$took_all" -v l="$probe_longest" -v b="$probe_blocked" -v p="$probe_count" \
    'BEGIN { printf "| %s | %d | %.1f s | %d ms | %d of %d |\n", n, f, t / 1000, l, b, p }'
}

out=$results/online_forms.md
{
  echo "online_forms: $(date -u '+%F %T') UTC, $rows rows, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| forms | migration files | took | longest INSERT | INSERTs over 1 s |"
  echo "|---|---:|---:|---:|---:|"
  run "online (default)" "" ""
  run "direct (online: false, concurrently: false)" ", online: false" ", concurrently: false"
} | tee "$out"
