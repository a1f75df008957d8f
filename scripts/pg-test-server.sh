#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for the tests: `start DIR` creates a cluster in DIR
# listening only on a unix socket in DIR; `stop DIR` stops it and deletes DIR.
# As root, the server runs as the `postgres` user (PostgreSQL refuses root).
# `start DIR timescaledb` preloads TimescaleDB (scripts/setup-timescaledb.sh).
# `check-timescaledb` (what that start and every TimescaleDB test ask first):
# exit 0 when it is installed; else exit 77, which ctest reports as a skip,
# with the reason, unless SCHEMAC_REQUIRE_TIMESCALEDB=1 (CI) makes it exit 1.
# SCHEMAC_TIMESCALEDB_LIB names the library looked for (a test of the skip).
set -euo pipefail
cmd=${1:?usage: pg-test-server.sh start|stop DIR [timescaledb] | check-timescaledb}
bin=/usr/lib/postgresql/15/bin
check_timescaledb() {
  local lib=${SCHEMAC_TIMESCALEDB_LIB:-/usr/lib/postgresql/15/lib/timescaledb.so}
  [ -f "$lib" ] && return 0
  echo "SKIPPED: TimescaleDB is not installed for PostgreSQL 15 ($lib is missing), so the TimescaleDB tests do not run:" \
       "scripts/setup-timescaledb.sh builds it from its source (see the message it printed)" >&2
  [ "${SCHEMAC_REQUIRE_TIMESCALEDB:-}" = 1 ] && { echo "FAIL: SCHEMAC_REQUIRE_TIMESCALEDB=1 requires TimescaleDB" >&2; exit 1; }
  exit 77
}
if [ "$cmd" = check-timescaledb ]; then check_timescaledb; exit 0; fi
dir=${2:?usage: pg-test-server.sh start|stop DIR [timescaledb]}
with=${3:-}
extra=""
if [ "$cmd" = start ] && [ "$with" = timescaledb ]; then
  check_timescaledb
  extra="-c shared_preload_libraries=timescaledb -c timescaledb.telemetry_level=off -c timescaledb.max_background_workers=0"
fi
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "$cmd" in
  start)
    [ -x "$bin/initdb" ] || { echo "pg-test-server: PostgreSQL 15 is not installed ($bin/initdb missing); run scripts/setup.sh" >&2; exit 1; }
    stop   # a server left behind by a killed run
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; echo "pg-test-server: initdb failed" >&2; exit 1; }
    # Trust for everyone except the role the tests use to check password
    # failures (tests/integration/runner_process_test.cpp creates it).
    printf 'local all schemac_password_user scram-sha-256\nlocal all all trust\n' >"$dir/data/pg_hba.conf"
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
      -o "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 $extra" start \
      || { cat "$dir/server.log" >&2; echo "pg-test-server: server did not start" >&2; exit 1; }
    echo "pg-test-server: PostgreSQL 15${extra:+ with TimescaleDB} listening on $dir"
    ;;
  stop) stop ;;
  *) echo "usage: pg-test-server.sh start|stop DIR" >&2; exit 2 ;;
esac
