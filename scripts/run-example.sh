#!/usr/bin/env bash
# The main job on the example schema: install, build, check schema/ (and that
# generated/ is fresh) and show what it contains; then start a throwaway
# PostgreSQL 15, apply generated/migrations to it, show the status, roll the
# last migration back and apply it again, and run the model store example on
# the generated C++. The server is always stopped and deleted at the end.
# Then the same loop for the D1 database on SQLite (schema/d1), on a
# throwaway database file.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -G Ninja >/dev/null
cmake --build build -j 2 --target schemac model_store_example >/dev/null
./build/schemac check schema
./build/schemac show schema

pg=$(mktemp -d /tmp/schemac-example-XXXXXX)
trap 'scripts/pg-test-server.sh stop "$pg"' EXIT
scripts/pg-test-server.sh start "$pg"
psql -X -q -h "$pg" -U postgres -d postgres -c "CREATE DATABASE trading"
export SCHEMAC_DATABASE_URL="host=$pg user=postgres dbname=trading"

schemac_bin=$PWD/build/schemac
step() { printf '\n$ schemac %s\n' "$*"; "$schemac_bin" "$@"; }
step apply
step status

# The down file of the last migration drops a table: a throwaway database, so allowed.
step rollback --steps 1 --allow-destructive
step status
step apply
step status

printf '\n$ model_store_example   # generated DAOs and named queries (runtime/examples/model_store.cpp)\n'
./build/generated/model_store_example "$SCHEMAC_DATABASE_URL"

# The Trading Cloud Brain's D1 database on SQLite (schema/d1, a project of its
# own): a throwaway database file, the same loop.
d1=$(mktemp -d /tmp/schemac-d1-XXXXXX)
trap 'scripts/pg-test-server.sh stop "$pg"; rm -rf "$d1"' EXIT
printf '\n# schema/d1: the D1 database on SQLite (docs/sqlite.md)\n'
(
  cd schema/d1
  export D1_DATABASE_PATH="sqlite://$d1/trading_brain.db"   # the production environment's url_env
  step check
  step apply --env production --allow-unsafe   # protected; a fresh file, so nothing to lose
  step status --env production
  step rollback --env production --steps 1 --allow-destructive --allow-unsafe
  step status --env production
  step apply --env production --allow-unsafe
  step status --env production
)
