#!/usr/bin/env bash
# A throwaway PostgreSQL 15 (scripts/pg-test-server.sh) whose shared lock table
# is smaller than a default server's: `start DIR LOCKS [CONNECTIONS]` restarts
# it with max_locks_per_transaction = LOCKS (and max_connections = CONNECTIONS,
# default 200 as the test server has); `stop DIR` stops it.
# For tests of plans that do not fit one transaction (large_schema_test.cpp):
# max_locks_per_transaction is server-wide, so the shared test server cannot
# be changed, and a small table shows the same failure with fewer tables.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
server=$here/../../scripts/pg-test-server.sh
bin=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-}" in
  start)
    dir=${2:?usage: small_lock_table_server.sh start DIR LOCKS}
    locks=${3:?usage: small_lock_table_server.sh start DIR LOCKS [CONNECTIONS]}
    connections=${4:-200}
    bash "$server" start "$dir" >/dev/null
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s -m fast restart \
      -o "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=$connections -c max_locks_per_transaction=$locks" \
      >/dev/null 2>&1 \
      || { cat "$dir/server.log" >&2; echo "small_lock_table_server: the server did not restart" >&2; exit 1; }
    ;;
  stop) bash "$server" stop "${2:?usage: small_lock_table_server.sh stop DIR}" ;;
  *) echo "usage: small_lock_table_server.sh start DIR LOCKS [CONNECTIONS] | stop DIR" >&2; exit 2 ;;
esac
