#!/usr/bin/env bash
# `schemac verify` at every version of the example history (generated/migrations) on a real
# PostgreSQL 15: applied up to each version, and rolled back from the newest to each version, the
# database matches that version (exit 0); a column dropped by hand at an old version is drift
# (exit 3); a hand-written migration is verified against the snapshot below it; a version whose
# snapshot is missing is a clear error naming the versions that can be verified (exit 1).
# Usage: verify_every_version.sh SCHEMAC SOURCE_DIR PG_SOCKET_DIR
set -euo pipefail
schemac=$1 src=$2
source "$(dirname "$0")/../support/scratch_db.sh" every_version "$3"
export SCHEMAC_DATABASE_URL="host=$pg user=postgres dbname=$db"
cd "$src"
run() { set +e; "$schemac" "$@" >"$work/out" 2>"$work/err"; code=$?; set -e; }
ok() { run "$@"; [ "$code" -eq 0 ] || fail "schemac $* exit $code: $(cat "$work/out" "$work/err")"; }
n=0
verified_at() {   # verified_at VERSION [verify options]: verify exits 0 and names the version
    local v=$1; shift
    run verify "$@"
    [ "$code" -eq 0 ] || fail "verify at $v: exit $code: $(cat "$work/out" "$work/err")"
    grep -q "^schemac: no drift.* matches version $v of " "$work/out" || fail "verify at $v: $(cat "$work/out")"
    n=$((n + 1))
}

versions=$(ls generated/migrations/*.up.sql | sed 's|.*/\([0-9]\{4\}\)_.*|\1|')
newest=$(echo "$versions" | tail -1)
[ "$(echo "$versions" | wc -l)" -ge 4 ] || fail "the example history has fewer than 4 migrations: $versions"

# 1. Nothing applied, then up to each version in turn.
verified_at 0000
for v in $versions; do
    ok apply --target "$((10#$v))"
    verified_at "$v"
done

# 2. Rolled back from the newest to each older version, down to none.
for v in $(echo "$versions" | sort -r | tail -n +2) 0000; do
    ok rollback --target "$((10#$v))" --allow-destructive
    verified_at "$v"
done

# 3. Drift at an old version: at 0002, a column of 0002 dropped by hand is reported, exit 3; the
#    hint names the snapshot of that version.
ok apply --target 2
verified_at 0002
psql_ -d "$db" -c "ALTER TABLE alphaplus.signals DROP COLUMN ml_health_score"
run verify
[ "$code" -eq 3 ] || fail "verify after a drop at 0002: exit $code: $(cat "$work/out" "$work/err")"
grep -q "^schemac: drift: .* differs from version 0002 of " "$work/out" || fail "drift at 0002: $(cat "$work/out")"
grep -q "^- column alphaplus.signals.ml_health_score" "$work/out" || fail "dropped column not reported: $(cat "$work/out")"
[ "$(grep -c '^[-+~>] ' "$work/out")" -eq 1 ] || fail "verify should list one difference: $(cat "$work/out")"
grep -q -- "--to generated/migrations/snapshots/0002.yaml" "$work/out" || fail "the hint does not name the snapshot: $(cat "$work/out")"
run verify --json
[ "$code" -eq 3 ] && grep -q '"version":2' "$work/out" && grep -q '"drift":true' "$work/out" || fail "verify --json at 0002: $(cat "$work/out")"
n=$((n + 1))
psql_ -d "$db" -c "ALTER TABLE alphaplus.signals ADD COLUMN ml_health_score double precision DEFAULT 0.0"
verified_at 0002   # (the column is back, at the end of the table: column order is not compared)

# 4. A hand-written migration above the newest: its version is verified against the snapshot below
#    it (it changes no YAML), and a drift there is still drift.
mig=$work/migrations
cp -r generated/migrations "$mig"
next=$(printf '%04d' $((10#$newest + 1)))
ok new --dir "$mig" -m "touch nothing"
[ ! -e "$mig/snapshots/$next.yaml" ] || fail "new wrote a snapshot"
ok apply --dir "$mig"
verified_at "$next" --dir "$mig"
psql_ -d "$db" -c "CREATE INDEX by_hand ON explainable.prices (close)"
run verify --dir "$mig"
[ "$code" -eq 3 ] && grep -q "^+ index by_hand on explainable.prices" "$work/out" || fail "drift at the hand-written version: exit $code: $(cat "$work/out")"
psql_ -d "$db" -c "DROP INDEX explainable.by_hand"
n=$((n + 1))

# 5. A directory without the snapshot of one version (written by an older schemac, re-signed):
#    verify at that version says which versions it can verify, exit 1; the others still work.
rm "$mig/snapshots/0002.yaml"
ok hash --dir "$mig"
ok rollback --dir "$mig" --target 2 --allow-destructive
run verify --dir "$mig"
[ "$code" -eq 1 ] || fail "verify without the snapshot of 0002: exit $code: $(cat "$work/out" "$work/err")"
grep -q "is at version 0002, whose schema this migrations directory does not know" "$work/err" || fail "the error: $(cat "$work/err")"
grep -q "snapshots/0002.yaml is missing" "$work/err" || fail "the error does not name the file: $(cat "$work/err")"
grep -q "It knows the schema at version 0000, 0001 and 0003 to $next" "$work/err" || fail "the error does not name the versions: $(cat "$work/err")"
ok rollback --dir "$mig" --target 1 --allow-destructive
verified_at 0001 --dir "$mig"

echo "ok: $n verifications at every version of the example history"
