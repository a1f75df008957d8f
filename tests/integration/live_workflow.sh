#!/usr/bin/env bash
# End to end with a live database, as an operator and a developer use it:
# apply generated/migrations, verify (no drift), change the database by hand
# (drop an index, add a column, change a default) and verify reports exactly
# that, inspect and import it, and plans between YAML and the database.
# Usage: live_workflow.sh SCHEMAC SOURCE_DIR PG_SOCKET_DIR
set -euo pipefail
schemac=$1 src=$2
source "$(dirname "$0")/../support/scratch_db.sh" live "$3"
conn="host=$pg user=postgres dbname=$db"
export SCHEMAC_DATABASE_URL="$conn"
cd "$src"
run() { set +e; "$schemac" "$@" >"$work/out" 2>"$work/err"; code=$?; set -e; }

# 1. A database migrated by schemac has no drift.
"$schemac" apply >/dev/null 2>&1 || fail "apply"
run verify
[ "$code" -eq 0 ] || fail "verify after apply: exit $code: $(cat "$work/out" "$work/err")"
grep -q "^schemac: no drift: " "$work/out" || fail "verify: $(cat "$work/out")"

# 2. The YAML and the migrated database agree: plans both ways are empty
#    (the database given as a URI with the socket directory, and as key=value).
run plan --from schema --to "postgresql:///$db?host=$pg&user=postgres"
[ "$code" -eq 0 ] && [ ! -s "$work/out" ] || fail "plan schema -> db (URI) not empty (exit $code): $(cat "$work/out" "$work/err")"
run plan --from schema --to "$conn"
[ "$code" -eq 0 ] && [ ! -s "$work/out" ] || fail "plan schema -> db not empty (exit $code): $(cat "$work/out" "$work/err")"
run plan --from "$conn" --to schema
[ "$code" -eq 0 ] && [ ! -s "$work/out" ] || fail "plan db -> schema not empty (exit $code): $(cat "$work/out" "$work/err")"

# 3. Import, then the imported YAML and the database agree, and it loads.
run import --out "$work/imported"
[ "$code" -eq 0 ] || fail "import: $(cat "$work/err")"
[ -f "$work/imported/alphaplus/signals.yaml" ] || fail "import: no alphaplus/signals.yaml: $(find "$work/imported" | head)"
"$schemac" check "$work/imported" >/dev/null 2>"$work/err" || fail "check imported: $(cat "$work/err")"
run plan --from "$work/imported" --to "$conn"
[ "$code" -eq 0 ] && [ ! -s "$work/out" ] || fail "plan imported -> db not empty: $(cat "$work/out" "$work/err")"
run import --out "$work/imported"
[ "$code" -eq 1 ] && grep -q "is not empty" "$work/err" || fail "import into a non-empty dir must refuse: $(cat "$work/err")"

# 4. inspect prints YAML that checks clean.
run inspect --schema explainable
[ "$code" -eq 0 ] || fail "inspect: $(cat "$work/err")"
grep -q "^schema: explainable" "$work/out" || fail "inspect output: $(head -5 "$work/out")"
! grep -q "^schema: alphaplus" "$work/out" || fail "inspect --schema explainable printed alphaplus"
cp "$work/out" "$work/explainable.yaml"
"$schemac" check "$work/explainable.yaml" >/dev/null 2>"$work/err" || fail "check inspected: $(cat "$work/err")"

# 5. Hand-made changes are drift, reported exactly.
psql_ -d "$db" -c "DROP INDEX alphaplus.idx_signals_active" \
  -c "ALTER TABLE explainable.prices ADD COLUMN note text" \
  -c "ALTER TABLE modelstore.models ALTER COLUMN is_active SET DEFAULT false"
run verify
[ "$code" -eq 3 ] || fail "verify after hand changes: exit $code: $(cat "$work/out" "$work/err")"
grep -c "^[-+~>] " "$work/out" >"$work/count"
[ "$(cat "$work/count")" -eq 3 ] || fail "verify should list 3 differences: $(cat "$work/out")"
grep -q "^- index idx_signals_active on alphaplus.signals" "$work/out" || fail "dropped index not reported: $(cat "$work/out")"
grep -q "^+ column explainable.prices.note" "$work/out" || fail "added column not reported: $(cat "$work/out")"
grep -q "^~ .*modelstore.models.is_active" "$work/out" || fail "changed default not reported: $(cat "$work/out")"
run verify --json
[ "$code" -eq 3 ] && grep -q '"drift":true' "$work/out" || fail "verify --json: $(cat "$work/out")"

# 6. The plan from the drifted database back to the YAML undoes exactly that.
run plan --from "$conn" --to schema --allow-destructive
[ "$code" -eq 0 ] || fail "plan back: $(cat "$work/err")"
psql_ -d "$db" -f "$work/out" >/dev/null
run verify
[ "$code" -eq 0 ] || fail "verify after undoing the drift: $(cat "$work/out" "$work/err")"

# 7. apply --verify: nothing to apply, no drift, exit 0; after a hand-made change, exit 3.
run apply --verify
[ "$code" -eq 0 ] && grep -q "^schemac: no drift" "$work/out" || fail "apply --verify: exit $code: $(cat "$work/out" "$work/err")"
psql_ -d "$db" -c "CREATE INDEX by_hand ON explainable.prices (close)"
run apply --verify
[ "$code" -eq 3 ] && grep -q "^+ index by_hand on explainable.prices" "$work/out" || fail "apply --verify after a change: exit $code: $(cat "$work/out")"
echo "ok: apply, verify, drift, inspect, import and plans against a live database"
