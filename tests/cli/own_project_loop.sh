#!/usr/bin/env bash
# A project of one's own, the whole daily loop on a real PostgreSQL: init →
# YAML → check → diff → apply → edit → diff --redo → new (a hand-written
# UPDATE) → hash → check → apply → rollback → verify, with the layout moved by
# schemac.yaml (db/schema, db/migrations) and run from a subdirectory.
# Usage: own_project_loop.sh SCHEMAC PG_SOCKET_DIR
set -euo pipefail
schemac=$(realpath "$1")
source "$(dirname "$0")/../support/scratch_db.sh" loop "$2"
unset DATABASE_URL SCHEMAC_DATABASE_URL
export SCHEMAC_DATE=2026-01-02
run() { "$schemac" "$@" >"$work/out" 2>&1 || fail "schemac $*: $(cat "$work/out")"; }
fails() { if "$schemac" "$@" >"$work/out" 2>&1; then fail "schemac $* succeeded"; fi; }
sql() { psql_ -d "$db" -Atc "$1"; }

cd "$work"
run init proj
cd proj
# The team's layout: everything under db/.
mkdir db && mv schema db/schema && mv migrations db/migrations
sed -i 's|^schema: schema .*|schema: db/schema|; s|^migrations: migrations .*|migrations: db/migrations|' schemac.yaml
sed -i "s|url: postgresql:///proj_dev .*|url: 'host=$pg user=postgres dbname=$db'|" schemac.yaml
grep -q "dbname=$db" schemac.yaml || fail "could not point dev at the test database: $(cat schemac.yaml)"
mkdir -p src/app && cd src/app   # every command below runs two levels down

orders() {
    cat > ../../db/schema/orders.yaml <<EOF
tables:
  orders:
    columns:
      id: bigserial
      user_id: {type: bigint, references: users}
      status: {type: text, default: new}
$1    primary_key: [id]
EOF
}
orders ""
fails check
grep -q '^../../db/migrations: error: no migration holds the schema yet' "$work/out" || fail "check before diff: $(cat "$work/out")"
run diff -m "create users and orders"
[ -f ../../db/migrations/0001_create_users_and_orders.up.sql ] || fail "diff did not write into db/migrations: $(ls -R ../..)"
[ ! -e generated ] && [ ! -e ../../generated ] && [ ! -e migrations ] || fail "a command wrote outside the configured layout"
grep -q 'from db/schema' ../../db/migrations/0001_create_users_and_orders.up.sql || fail "the header does not name the schema from the root"
run check
run apply --env dev
[ "$(sql "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('users','orders')")" = 2 ] || fail "apply did not create the tables"
sql "INSERT INTO users (email) VALUES ('a@example.com'); INSERT INTO orders (user_id, status) SELECT id, 'shipped' FROM users"

# Edit, diff, change one's mind, redo.
orders "      note: text?
"
run diff -m "add note"
orders "      note: text?
      shipped_at: timestamptz?
"
run diff --redo -m "add note and shipped_at"
[ ! -e ../../db/migrations/0002_add_note.up.sql ] || fail "redo left the replaced migration"
grep -q 'ADD COLUMN shipped_at' ../../db/migrations/0002_add_note_and_shipped_at.up.sql || fail "redo did not diff the new YAML"
run check
# One generated migration applied and rolled back: verify compares with the snapshot of version 0001.
run apply --env dev
fails rollback --env dev
grep -q 'refusing to roll back: a down file loses data' "$work/out" || fail "rollback of added columns: $(cat "$work/out")"
run rollback --env dev --allow-destructive
run verify --env dev
grep -q 'no drift: .* matches version 0001 of ../../db/migrations' "$work/out" || fail "verify one step back: $(cat "$work/out")"
run apply --env dev

# A hand-written data migration: new, the SQL, hash, check green.
run new -m "ship old orders"
up=../../db/migrations/0003_ship_old_orders.up.sql
[ -f "$up" ] || fail "new did not write $up"
echo "UPDATE public.orders SET shipped_at = now() WHERE status = 'shipped';" >> "$up"
fails check
grep -q 'was edited after schemac.sum was written' "$work/out" || fail "check did not catch the unsigned edit: $(cat "$work/out")"
run hash
grep -q '^edited 0003_ship_old_orders.up.sql' "$work/out" || fail "hash: $(cat "$work/out")"
run check
run apply --env dev
[ "$(sql "SELECT count(*) FROM orders WHERE shipped_at IS NOT NULL")" = 1 ] || fail "the hand-written UPDATE did not run"
run rollback --env dev
[ "$(sql "SELECT max(version) FROM schemac_migrations")" = 2 ] || fail "rollback did not undo 0003"
run verify --env dev
grep -q 'no drift: .* matches version 0002' "$work/out" || fail "verify after rolling back a hand-written migration: $(cat "$work/out")"

# Further back: every version diff wrote keeps its snapshot (snapshots/0001.yaml), so verify still knows it.
run rollback --env dev --allow-destructive
run verify --env dev
grep -q 'no drift: .* matches version 0001 of ../../db/migrations' "$work/out" || fail "verify at version 0001: $(cat "$work/out")"

# From the root, the same project: status reads the same history.
cd ../..
run apply --env dev
run status --env dev
grep -q '^version:  0003' "$work/out" || fail "status from the root: $(cat "$work/out")"
run verify --env dev
echo "ok"
