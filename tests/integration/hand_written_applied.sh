#!/usr/bin/env bash
# A hand-written migration (`schemac new`) applied, then edited and re-signed with
# `schemac hash`: the directory is consistent again, but a database that applied
# the old file refuses it, since it compares with the checksum it recorded.
# Usage: hand_written_applied.sh SCHEMAC PG_SOCKET_DIR
set -euo pipefail
schemac=$1
source "$(dirname "$0")/../support/scratch_db.sh" hash "$2"
export SCHEMAC_DATABASE_URL="host=$pg user=postgres dbname=$db" SCHEMAC_DATE=2026-01-02
cd "$work"
dir=generated/migrations
mkdir schema
printf 'tables:\n  orders:\n    columns:\n      id: serial\n      status: text\n    primary_key: [id]\n' > schema/orders.yaml
"$schemac" diff -m orders 2>/dev/null || fail "diff"
"$schemac" new -m "mark paid" 2>/dev/null || fail "new"
up=$dir/0002_mark_paid.up.sql
echo "INSERT INTO public.orders (status) VALUES ('paid');" >> "$up"
"$schemac" hash >/dev/null 2>&1 || fail "hash"
# Left as `new` wrote them (comments only), in a transaction and statement by statement.
"$schemac" new -m "nothing yet" 2>/dev/null || fail "new (empty)"
"$schemac" new -m "nothing either" --no-transaction 2>/dev/null || fail "new --no-transaction (empty)"

# The hand-written file applies as written; the empty ones apply and roll back as no-ops.
"$schemac" apply >/dev/null 2>"$work/err" || fail "apply: $(cat "$work/err")"
"$schemac" rollback --steps 2 >/dev/null 2>"$work/err" || fail "rollback of the empty ones: $(cat "$work/err")"
"$schemac" apply >/dev/null 2>"$work/err" || fail "apply again: $(cat "$work/err")"
[ "$(psql_ -d "$db" -Atc "SELECT count(*) FROM public.orders WHERE status = 'paid'")" = 1 ] || fail "the hand-written INSERT did not run"

# Edited after it was applied and re-signed: check is green, apply refuses the file.
echo "INSERT INTO public.orders (status) VALUES ('late');" >> "$up"
"$schemac" hash >/dev/null 2>&1 || fail "second hash"
"$schemac" check >/dev/null 2>"$work/err" || fail "check after hash: $(cat "$work/err")"
if "$schemac" apply >/dev/null 2>"$work/err"; then fail "apply accepted an applied file whose checksum changed"; fi
grep -q '0002_mark_paid.up.sql was changed after it was applied' "$work/err" || fail "the refusal does not name the file and why: $(cat "$work/err")"
[ "$(psql_ -d "$db" -Atc "SELECT count(*) FROM public.orders")" = 1 ] || fail "the refused apply changed data"
echo "ok"
