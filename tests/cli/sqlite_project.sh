#!/usr/bin/env bash
# An SQLite project as a developer and an operator use it, from an empty
# directory: init --dialect sqlite, diff, apply, status, inspect, verify, plan
# against the file; a change that needs a rebuild (rows kept, foreign keys of
# other tables kept), rollback, apply again; drift found; a database file
# given to a project with no dialect is read as SQLite.
#   sqlite_project.sh SCHEMAC
set -uo pipefail
schemac=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
run() { "$schemac" "$@" >"$work/out" 2>"$work/err"; }

cd "$work"
run init shop --dialect sqlite || fail "init: $(cat err)"
cd shop
cat >schema/users.yaml <<'YAML'
tables:
  users:
    columns:
      id: integer
      email: {type: text, unique: true}
      created_at: {type: integer, default: {sql: unixepoch()}}
    primary_key: [id]
  orders:
    columns:
      id: integer
      user_id: {type: integer, references: {table: users, on_delete: cascade}}
      qty: real
    primary_key: [id]
YAML
run diff -m "create users and orders" || fail "diff: $(cat "$work/err")"
run apply --env dev || fail "apply: $(cat "$work/err")"
[ -f shop_dev.db ] || fail "apply did not create the database file"
sqlite3 shop_dev.db "INSERT INTO users (id, email) VALUES (1, 'a@x'), (2, 'b@x'); INSERT INTO orders (id, user_id, qty) VALUES (10, 1, 2.5), (11, 2, 1);"
run status --env dev || fail "status: $(cat "$work/err")"
grep -q "0 pending" "$work/out" || fail "status: $(cat "$work/out")"
run verify --env dev || fail "verify after apply: $(cat "$work/out" "$work/err")"
run plan --from shop_dev.db --to schema || fail "plan: $(cat "$work/err")"
[ ! -s "$work/out" ] || fail "a database created from the YAML plans against it: $(cat "$work/out")"
run inspect --db sqlite:shop_dev.db || fail "inspect: $(cat "$work/err")"
grep -q "references\|foreign_keys" "$work/out" || fail "inspect lost the foreign key: $(cat "$work/out")"

# A type change and a check: users is rebuilt; orders keeps its rows and its
# foreign key to users (which must not cascade while users is dropped and renamed).
cat >schema/users.yaml <<'YAML'
tables:
  users:
    columns:
      id: integer
      email: {type: text, unique: true}
      score: {type: real, default: 0}
      created_at: {type: integer, default: {sql: unixepoch()}}
    primary_key: [id]
    checks:
      ck_users_email: email LIKE '%@%'
  orders:
    columns:
      id: integer
      user_id: {type: integer, references: {table: users, on_delete: cascade}}
      qty: real
    primary_key: [id]
YAML
run diff -m "users score and email check" || fail "diff 2: $(cat "$work/err")"
grep -q 'rebuilt' "$work/out" "$work/err" || fail "the summary does not say the table is rebuilt: $(cat "$work/err")"
up=$(ls migrations/0002_*.up.sql)
grep -q '^-- schemac:foreign-keys-off' "$up" || fail "the rebuild file has no foreign-keys-off header"
grep -q 'table-rewrite' "$up" || fail "the rebuild is not labelled"
run apply --env dev || fail "apply 2: $(cat "$work/err")"
[ "$(sqlite3 shop_dev.db 'SELECT count(*) FROM orders')" = 2 ] || fail "the rebuild of users cascaded into orders"
[ "$(sqlite3 shop_dev.db 'SELECT group_concat(email) FROM users ORDER BY id')" = "a@x,b@x" ] || fail "the rebuild lost rows"
[ "$(sqlite3 shop_dev.db 'PRAGMA foreign_key_check' | wc -l)" = 0 ] || fail "foreign keys broken after the rebuild"
run verify --env dev || fail "verify after the rebuild: $(cat "$work/out" "$work/err")"
if sqlite3 shop_dev.db "INSERT INTO users (id, email) VALUES (3, 'no at sign')" 2>/dev/null; then fail "the new check is not in the database"; fi

# Rollback (the down loses the new column: it must be allowed) and apply again.
if run rollback --env dev --steps 1; then fail "a rollback that loses data ran without --allow-destructive"; fi
run rollback --env dev --steps 1 --allow-destructive || fail "rollback: $(cat "$work/err")"
[ "$(sqlite3 shop_dev.db 'SELECT count(*) FROM orders')" = 2 ] || fail "the rollback's rebuild cascaded into orders"
sqlite3 shop_dev.db "INSERT INTO users (id, email) VALUES (3, 'no at sign'); DELETE FROM users WHERE id = 3;" || fail "the check is still there after the rollback"
run apply --env dev || fail "apply again: $(cat "$work/err")"

# Drift: a column added by hand is found.
sqlite3 shop_dev.db "ALTER TABLE orders ADD COLUMN note TEXT"
if run verify --env dev; then fail "verify missed a column added by hand"; fi
grep -q "note" "$work/out" "$work/err" || fail "verify does not name the drift: $(cat "$work/out" "$work/err")"

# The D1 scripts' commands, literally: init --env (the file and the history
# table, nothing applied), status, apply with --verbose, rollback --version,
# --db-path and --migrations-dir.
rm -f shop_dev.db
run init --env dev || fail "init --env dev: $(cat "$work/err")"
[ -f shop_dev.db ] || fail "init --env dev did not create the database file"
[ "$(sqlite3 shop_dev.db "SELECT count(*) FROM schemac_migrations")" = 0 ] || fail "init --env dev applied something"
run status --env dev && grep -q "2 pending" "$work/out" || fail "status after init --env: $(cat "$work/out")"
run apply --env dev --verbose || fail "apply --verbose: $(cat "$work/err")"
grep -q "CREATE TABLE" "$work/out" "$work/err" || fail "--verbose does not print the statements"
if run rollback --env dev --version 0001_create_users_and_orders --steps 1; then fail "--version with --steps"; fi
if run rollback --env dev --version 0001_create_something_else; then fail "--version with a name that is not the migration's"; fi
run rollback --env dev --version 0002_users_score_and_email_check --allow-destructive || fail "rollback --version: $(cat "$work/err")"
run status --db-path shop_dev.db --migrations-dir migrations || fail "--db-path: $(cat "$work/err")"
grep -q "1 pending" "$work/out" || fail "rollback --version 0002 did not leave 0001: $(cat "$work/out")"
run apply --db-path shop_dev.db --migrations-dir migrations || fail "apply --db-path: $(cat "$work/err")"

# Outside any project: an SQLite file is read as SQLite.
cd "$work"
sqlite3 loose.db "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"
run inspect --db loose.db || fail "inspect of a file outside a project: $(cat "$work/err")"
grep -q "name:" "$work/out" || fail "inspect outside a project: $(cat "$work/out")"
[ "$failures" = 0 ] && echo ok
exit "$failures"
