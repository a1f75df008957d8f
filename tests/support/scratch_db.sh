# Sourced by the shell tests that need a database of their own
# (`source .../scratch_db.sh NAME PG_SOCKET_DIR`): $db, a new database on the
# test server, and $work, a scratch directory, both removed on exit; psql_ as
# the superuser; fail.
db="schemac_$1_$$"
pg=$2
work=$(mktemp -d)
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h "$pg" -U postgres "$@"; }
psql_ -d postgres -c "CREATE DATABASE $db"
trap 'psql_ -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
