#!/usr/bin/env bash
# The embedding example (runtime/examples/self_migrating_app.cpp) against the
# test server: the first start applies the embedded generated/migrations, a
# second start finds nothing to do, and `schemac status` on the files on disk
# agrees byte for byte (same checksums: embedding kept every byte).
# Usage: embedded_app.sh APP SCHEMAC SOURCE_DIR PG_SOCKET_DIR
set -euo pipefail
app=$1 schemac=$2 src=$3 pg=$4
db="schemac_embedded_$$"
conn="host=$pg user=postgres dbname=$db"
fail() { echo "FAIL: $*" >&2; exit 1; }
psql -X -q -h "$pg" -U postgres -d postgres -c "CREATE DATABASE $db"
trap 'psql -X -q -h "$pg" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db" || true' EXIT

first=$("$app" "$conn") || fail "first start: $first"
n=$(ls "$src"/generated/migrations/*.up.sql | wc -l)
[ "$(grep -c '^migrated ' <<<"$first")" -eq "$n" ] || fail "first start should apply $n migrations: $first"
grep -q "^database at version $n ($n applied at start-up)$" <<<"$first" || fail "first start: $first"

second=$("$app" "$conn") || fail "second start: $second"
[ "$second" = "database at version $n (0 applied at start-up)" ] || fail "second start: $second"

status=$("$schemac" status --db "$conn" --dir "$src/generated/migrations") || fail "status after embedding: $status"
grep -q "^0 pending$" <<<"$status" || fail "status: $status"
! grep -Eq "modified|failed|missing" <<<"$status" || fail "status: $status"
echo "ok: embedded migrations applied once, checksums agree with the files"
