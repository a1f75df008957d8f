#!/usr/bin/env bash
# Seed rows limited to environments (docs/schema-language.md "Seed rows"):
# `apply --env dev` writes them after the migrations, in one transaction, and
# brings changed rows up to date; another environment never gets them; the
# migrations hold none of them; a seed naming an unknown or a protected
# environment is an error at its line; rows for a schema no migration holds
# yet are refused with nothing written; a failing row writes none of them.
# Usage: env_seeds.sh SCHEMAC PG_SOCKET_DIR
set -euo pipefail
schemac=$1
source "$(dirname "$0")/../support/scratch_db.sh" env_seeds "$2"
staging=${db}_staging
trap 'psql_ -d postgres -c "DROP DATABASE IF EXISTS $db" -c "DROP DATABASE IF EXISTS $staging" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
psql_ -d postgres -c "CREATE DATABASE $staging"
export SCHEMAC_DATE=2026-01-02
cd "$work"
sc() { "$schemac" "$@" >out 2>err; }
rows() { psql_ -d "${1:-$db}" -Atc "SELECT coalesce(string_agg(email || '=' || coalesce(name, '-'), ' ' ORDER BY email), '') FROM public.users"; }

cat > schemac.yaml <<YAML
environments:
  dev:
    url: postgresql://postgres@/$db?host=$pg
  staging:
    url: postgresql://postgres@/$staging?host=$pg
  production:
    url_env: NOT_SET_IN_THIS_TEST
    protected: true
YAML
mkdir schema
users() {   # the table with the seed block given as $1
  printf 'tables:\n  users:\n    columns:\n      id: bigserial\n      email: {type: text, unique: true}\n      name: text?\n%s\n    primary_key: [id]\n' "$1" > schema/users.yaml
}
users "$(printf '    seed:\n      key: [email]\n      environments: [dev, tset]\n      rows:\n        - {email: a@x, name: Alice}\n')"

# A misspelt environment, then a protected one: errors at the name, from check and diff alike.
sc check && fail "check passed with an unknown environment"
grep -q "schema/users.yaml:9:27: error: the seed of table users is for environment 'tset', which schemac.yaml does not define" err || fail "unknown: $(cat err)"
sc diff -m users && fail "diff passed with an unknown environment"
sed -i 's/\[dev, tset\]/[dev, production]/' schema/users.yaml
sc check && fail "check passed with a protected environment"
grep -q "environment 'production', which is protected" err || fail "protected: $(cat err)"

sed -i 's/\[dev, production\]/[dev]/' schema/users.yaml
sc diff -m users || fail "diff: $(cat err)"
! grep -q "a@x" generated/migrations/0001_users.up.sql || fail "the migration holds the dev rows"
grep -q "environments: \[dev\]" generated/migrations/schema.snapshot.yaml || fail "the snapshot lost the environments"

# --dry-run prints the rows it would write and writes nothing.
sc apply --env dev --dry-run || fail "dry run: $(cat err)"
grep -q "^-- would then write the seed rows of environment dev (1 statements, in one transaction)" out || fail "dry run: $(cat out)"
grep -q "^INSERT INTO public.users (email, name) VALUES ('a@x', 'Alice') ON CONFLICT (email) DO UPDATE" out || fail "dry run sql: $(cat out)"
[ "$(psql_ -d "$db" -Atc "SELECT count(*) FROM pg_tables WHERE tablename = 'users'")" = 0 ] || fail "the dry run changed the database"

sc apply --env dev || fail "apply dev: $(cat err)"
grep -q "wrote the seed rows of environment dev" out || fail "apply dev: $(cat out)"
[ "$(rows)" = "a@x=Alice" ] || fail "dev rows: $(rows)"
sc apply --env staging || fail "apply staging: $(cat err)"
! grep -q "seed rows" out || fail "staging: $(cat out)"
[ "$(rows "$staging")" = "" ] || fail "staging got dev rows: $(rows "$staging")"

# A changed row is brought up to date, a new one inserted, on the next apply (no migration needed).
users "$(printf '    seed:\n      key: [email]\n      environments: [dev]\n      rows:\n        - {email: a@x, name: Alicia}\n        - {email: b@x}\n')"
sc check || fail "check after editing dev rows: $(cat err)"
sc apply --env dev || fail "apply dev again: $(cat err)"
grep -q "nothing to apply" out || fail "again: $(cat out)"
[ "$(rows)" = "a@x=Alicia b@x=-" ] || fail "dev rows updated: $(rows)"
sc apply --env dev --format json || fail "json: $(cat err)"
node -e 'const j = JSON.parse(require("fs").readFileSync("out", "utf8")).environment_seeds;
  if (!j || j.statements !== 2 || j.version !== 1 || !j.written || j.what !== "the seed rows of environment dev") process.exit(1)' ||
  fail "json: $(cat out)"

# A row that fails writes none of them: all or nothing.
psql_ -d "$db" -c "ALTER TABLE public.users ADD CONSTRAINT no_c CHECK (email <> 'c@x')"
users "$(printf '    seed:\n      key: [email]\n      environments: [dev]\n      rows:\n        - {email: a@x, name: Al}\n        - {email: c@x}\n')"
sc apply --env dev && fail "apply with a failing row passed"
grep -q "writing the seed rows of environment dev: statement 2 of 2 failed (nothing of them was written)" err || fail "failing row: $(cat err)"
[ "$(rows)" = "a@x=Alicia b@x=-" ] || fail "a failing row left a change: $(rows)"
psql_ -d "$db" -c "ALTER TABLE public.users DROP CONSTRAINT no_c"

# The YAML ahead of the migrations: refused, nothing written.
users "$(printf '      note: text?\n    seed:\n      key: [email]\n      environments: [dev]\n      rows:\n        - {email: d@x, note: hi}\n')"
sc apply --env dev && fail "apply with the schema ahead of the migrations passed"
grep -q "the schema has changes that no migration holds yet: run \`schemac diff\` first" err || fail "ahead: $(cat err)"
[ "$(rows)" = "a@x=Alicia b@x=-" ] || fail "ahead wrote rows: $(rows)"
echo "env seeds: ok"
