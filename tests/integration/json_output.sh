#!/usr/bin/env bash
# Every command that prints results, with --format json, on one scratch project
# and a live database: stdout is one JSON document, strictly valid UTF-8, with
# the members docs/cli.md documents, and the exit code is the text one's.
# Then: failures are JSON too, hazards of destructive and rewriting changes,
# a file name that is not UTF-8, and --json is --format json.
# Usage: json_output.sh SCHEMAC PG_SOCKET_DIR
set -euo pipefail
schemac=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../support/scratch_db.sh" json "$2"
conn="host=$pg user=postgres dbname=$db"
export SCHEMAC_DATABASE_URL="$conn" SCHEMAC_DATE=2026-01-02
cd "$work"

# run EXIT "ARGS" CHECKS...: schemac ARGS (word-split) exits EXIT and its
# stdout passes json_check.js with CHECKS.
run() {
  local want=$1 args=$2
  shift 2
  set +e
  # shellcheck disable=SC2086
  "$schemac" $args >out 2>err
  local code=$?
  set -e
  [ "$code" -eq "$want" ] || fail "schemac $args: exit $code, want $want: $(cat out err)"
  node "$here/json_check.js" out "$@" || fail "schemac $args: stdout above"
}

mkdir schema
cat > schema/shop.yaml <<'YAML'
tables:
  orders:
    columns:
      id: serial
      qty: integer
      note: text?
    primary_key: [id]
YAML

# Every command, in an order that makes each meaningful (status before apply, ...).
run 0 "check --format json" diagnostics errors=0 warnings=0
run 0 "show --format json" summary counts.tables=1 counts.files=1 tables.0.name=orders tables.0.columns.1.name=qty \
  tables.0.columns.1.type=integer tables.0.columns.2.nullable=true enums queries
run 0 "plan --format json" down=false destructive=false steps.0.summary steps.0.sql_up.0 steps.0.sql_down.0 \
  steps.0.hazards steps.0.transactional=true
run 1 "plan --down --format json" error.kind=destructive down=true destructive=true steps.0.down_destructive=true
run 0 "plan --down --allow-destructive --format json" down=true steps.0.sql_down.0
run 0 "diff -m first --format json" dry_run=false written=true migrations.0.version=1 migrations.0.name=first \
  migrations.0.up=generated/migrations/0001_first.up.sql migrations.0.down=generated/migrations/0001_first.down.sql \
  steps.0.summary destructive=false removed
run 0 "diff -m again --format json" written=false migrations steps
run 0 "new -m backfill --format json" written.0=generated/migrations/0002_backfill.up.sql \
  written.1=generated/migrations/0002_backfill.down.sql
echo "UPDATE orders SET qty = 0 WHERE qty IS NULL;" >> generated/migrations/0002_backfill.up.sql
run 0 "hash --format json" changes.0.change=edited changes.0.file=0002_backfill.up.sql \
  written.0=generated/migrations/schemac.sum
run 0 "generate --list --format json" mode=list out=generated/cpp files.0
run 0 "generate --format json" mode=write files.0 missing.0 fresh=false
run 0 "generate --check --format json" mode=check fresh=true
run 0 "baseline --version 1 --dry-run --format json" database dry_run=true changes.0.version=1 unresolved
run 0 "status --format json" database history_table history_exists=false current_version=0 \
  migrations.0.state=pending migrations.1.name=backfill pending=2
run 0 "apply --dry-run --format json" dry_run=true from_version=0 to_version=2 steps.0.file steps.1.statements warnings
run 0 "apply --format json" dry_run=false to_version=2 steps.1.version=2 steps.0.execution_time_ms
run 0 "status --format json" current_version=2 migrations.0.state=applied migrations.0.checksum migrations.0.success=true pending=0
run 0 "verify --format json" database version=2 drift=false differences not_compared
run 0 "repair --dry-run --format json" database dry_run=true changes unresolved
run 0 "inspect --format json" source documents.0.tables.orders.columns.qty
run 0 "import --out imported --format json" source out=imported tables=1 enums=0 written.0
run 0 "rollback --dry-run --format json" dry_run=true from_version=2 to_version=1 steps.0.version=2
run 0 "rollback --format json" dry_run=false to_version=1
run 0 "apply --format json" to_version=2

# Failures: one document with the error, the same exit codes as text.
run 4 "status --format json --db host=$work/nowhere" error.kind=connection error.message
run 2 "status --format json --env nosuch" error.kind=usage
mkdir broken && printf 'tables:\n  t:\n    columns:\n      id: intger\n' > broken/t.yaml
run 1 "show --format json broken" error.kind=failure diagnostics.0.code=unknown-type errors=1
run 1 "plan --format json --to broken" error.kind=failure diagnostics.0.file=broken/t.yaml

# Hazards: a dropped column loses data, a wider type rewrites the table.
sed -i -e '/note: text?/d' -e 's/qty: integer/qty: bigint/' schema/shop.yaml
run 1 "plan --format json" error.kind=destructive destructive=true steps.*.hazards.*.kind=data-loss \
  steps.*.hazards.*.kind=table-rewrite steps.*.destructive=true steps.*.hazards.*.message
run 0 "plan --allow-destructive --format json" destructive=true steps.*.hazards.*.kind=data-loss steps.*.sql_up.0
run 1 "diff -m change --format json" error.kind=destructive written=false steps.*.hazards.*.kind=data-loss
run 0 "diff -m change --dry-run --format json" dry_run=true written=false migrations.0.version=3 \
  steps.*.hazards.*.kind=table-rewrite steps.*.hazards.*.kind=data-loss
[ ! -e generated/migrations/0003_change.up.sql ] || fail "dry run wrote"

# A file name that is not UTF-8, with an error in it: still UTF-8 JSON, the byte as the text \xff.
mkdir latin1 && printf 'tables:\n  t:\n    columns:\n      id: intger\n' > "$(printf 'latin1/\xff.yaml')"
run 1 "check --format json latin1" 'diagnostics.0.file=latin1/\xff.yaml' diagnostics.0.code=unknown-type errors=1

# --json is --format json, on every command.
for args in "check" "show" "plan --allow-destructive" "status" "verify" "generate --list" "inspect" "diff -m x --dry-run --allow-destructive"; do
  # shellcheck disable=SC2086
  "$schemac" $args --json >a 2>/dev/null || true
  # shellcheck disable=SC2086
  "$schemac" $args --format json >b 2>/dev/null || true
  [ -s a ] && cmp -s a b || fail "$args: --json and --format json differ: $(cat a b)"
done
# One choice only.
set +e
"$schemac" check --json --format text >/dev/null 2>&1
[ $? -eq 2 ] || fail "--json with --format text is not a usage error"
set -e
echo "json output: ok"
