#!/usr/bin/env bash
# apply/rollback --backup DIR: a pg_dump of the whole database before anything
# runs, which restores (docs/runtime.md "Backups"); a failing pg_dump or an
# uncreatable directory refuses the run with nothing applied and no partial
# file left; nothing pending, no dump; the password (a scram role's, so it must
# reach pg_dump) is neither on pg_dump's command line nor in any output.
# Usage: backup.sh SCHEMAC PG_SOCKET_DIR
set -euo pipefail
schemac=$1
source "$(dirname "$0")/../support/scratch_db.sh" backup "$2"
restored=${db}_restored
trap 'psql_ -d postgres -c "DROP DATABASE IF EXISTS $db" -c "DROP DATABASE IF EXISTS $restored" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
secret=correct-horse-9   # tests/integration/scratch_db.hpp: create_password_role
psql_ -d postgres -c "DO \$\$ BEGIN CREATE ROLE schemac_password_user LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END \$\$" \
  -c "SET password_encryption = 'scram-sha-256'" -c "ALTER ROLE schemac_password_user LOGIN PASSWORD '$secret'" \
  -c "ALTER DATABASE $db OWNER TO schemac_password_user" >/dev/null
url="postgresql://schemac_password_user:$secret@/$db?host=$pg"
export SCHEMAC_DATABASE_URL=$url SCHEMAC_DATE=2026-01-02
cd "$work"
all=$work/all-output   # everything schemac printed, searched for the password at the end
sc() { "$schemac" "$@" >out 2>err; local code=$?; cat out err >>"$all"; return $code; }
count() { psql_ -d "${1:-$db}" -Atc "SELECT count(*) FROM public.orders"; }
version() { psql_ -d "${1:-$db}" -Atc "SELECT coalesce(max(version), 0) FROM public.schemac_migrations WHERE success"; }
dumps() { find bk -name '*.dump' 2>/dev/null | wc -l; }

mkdir schema
printf 'tables:\n  orders:\n    columns:\n      id: serial\n      qty: integer\n    primary_key: [id]\n' > schema/orders.yaml
"$schemac" diff -m orders >/dev/null 2>err || fail "diff: $(cat err)"
sc apply || fail "first apply: $(cat err)"
psql_ -d "$db" -c "INSERT INTO public.orders (qty) VALUES (1), (2), (3)"
"$schemac" new -m "wipe orders" >/dev/null 2>&1 || fail "new"
echo "DELETE FROM public.orders;" >> generated/migrations/0002_wipe_orders.up.sql
"$schemac" hash >/dev/null 2>&1 || fail "hash"

# --dry-run prints the pg_dump that would run, without the password, and runs nothing.
sc apply --backup bk --dry-run || fail "dry run: $(cat err)"
grep -q -- '^-- would back up first: .*PGPASSWORD=\*\*\* .*pg_dump --format=custom --no-password --file=bk/' out || fail "dry run: no pg_dump line: $(cat out)"
grep -q -- "renamed to bk/$db-v0001-to-v0002-" out || fail "dry run: no file name: $(cat out)"
[ ! -e bk ] || fail "dry run created the backup directory"
[ "$(count)" = 3 ] && [ "$(version)" = 1 ] || fail "dry run changed the database"

# A pg_dump that fails, one that is missing, one that writes no archive, a
# directory that cannot be created: refused, one error line, nothing applied,
# nothing left behind.
for how in "PG_DUMP=/bin/false" "PG_DUMP=$work/no-such-pg_dump" "PG_DUMP=/bin/true" "dir=$work/a-file/bk"; do
  touch a-file
  dir=bk
  case $how in dir=*) dir=${how#dir=} ;; *) export "${how?}" ;; esac
  if sc apply --backup "$dir"; then fail "$how: apply ran although the backup failed"; fi
  unset PG_DUMP
  [ "$(grep -c 'error' err)" = 1 ] && grep -q '^schemac: error: backup failed: .*; nothing was run$' err || fail "$how: not one clear error line: $(cat err)"
  [ "$(count)" = 3 ] && [ "$(version)" = 1 ] || fail "$how: something was applied"
  [ -z "$(find bk -type f 2>/dev/null)" ] || fail "$how: left $(find bk -type f)"
done
grep -q 'wrote no pg_dump archive' "$all" || fail "a pg_dump that writes nothing was not caught"

# The real thing, through a pg_dump stand-in that records its command line.
cat > pg_dump_spy <<EOF
#!/bin/sh
printf '%s\n' "\$0" "\$@" > "$work/argv"
[ -n "\$PGPASSWORD" ] || exit 7   # the password reaches it through the environment
exec pg_dump "\$@"
EOF
chmod +x pg_dump_spy
PG_DUMP=$work/pg_dump_spy sc apply --backup bk || fail "apply --backup: $(cat err)"
[ "$(count)" = 0 ] && [ "$(version)" = 2 ] || fail "apply --backup did not apply"
file=$(find bk -name '*.dump')
[ "$(dumps)" = 1 ] || fail "want one dump: $(ls -A bk)"
[[ $file =~ ^bk/$db-v0001-to-v0002-[0-9]{8}T[0-9]{6}Z\.dump$ ]] || fail "dump named $file"
[ "$(stat -c %a "$file")" = 600 ] && [ "$(stat -c %a bk)" = 700 ] || fail "the dump or its directory is readable by others"
grep -q "^  backed up to $file (" err || fail "the file is not named: $(cat err)"
grep -q -- '--file=' "$work/argv" && ! grep -q "$secret" "$work/argv" || fail "pg_dump's argv: $(cat "$work/argv")"
[ -z "$(find bk -name '*.partial')" ] || fail "a partial file is left"

# It restores: into a new database, and over the original as docs/runtime.md shows.
psql_ -d postgres -c "CREATE DATABASE $restored"
pg_restore -h "$pg" -U postgres -d "$restored" "$file" || fail "pg_restore into a new database"
[ "$(count "$restored")" = 3 ] && [ "$(version "$restored")" = 1 ] || fail "the restored database lacks the rows or the history"
PGPASSWORD=$secret pg_restore --clean --if-exists --single-transaction -d "postgresql://schemac_password_user@/$db?host=$pg" "$file" || fail "pg_restore --clean"
[ "$(count)" = 3 ] && [ "$(version)" = 1 ] || fail "pg_restore --clean did not bring back version 1 and its rows"
sc status >/dev/null || true
grep -q '0002  pending' out || fail "status after the restore: $(cat out)"

# Nothing pending: no dump, said so; --json has "backup":null.
sc apply || fail "apply: $(cat err)"
sc apply --backup bk || fail "apply with nothing pending: $(cat err)"
grep -q 'no backup was taken' err || fail "not said that no backup was taken: $(cat err)"
sc apply --backup bk --json || fail "apply --json: $(cat err)"
grep -q '"backup":null' out || fail "json: $(cat out)"
[ "$(dumps)" = 1 ] || fail "a dump was taken with nothing pending"

# rollback --backup dumps before the down file; --json names the file.
sc rollback --backup bk --allow-destructive --json || fail "rollback --backup: $(cat out err)"
grep -Eq "\"backup\":\\{\"file\":\"bk/$db-v0002-to-v0001-[0-9T]+Z\\.dump\",\"command\":\"[^\"]*PGPASSWORD=\*\*\*[^\"]*\",\"written\":true,\"bytes\":[1-9]" out ||
  fail "rollback --json: $(cat out)"
[ "$(dumps)" = 2 ] || fail "rollback took no dump"

# A migration that fails after the dump: the error names the backup to restore.
"$schemac" new -m broken >/dev/null 2>&1 && echo "SELECT no_such_function();" >> generated/migrations/0003_broken.up.sql
"$schemac" hash >/dev/null 2>&1 || fail "hash"
if sc apply --backup bk; then fail "the broken migration applied"; fi
grep -q "the backup taken before the run: bk/$db-v0001-to-v0003-" err || fail "the failure does not name the backup: $(cat err)"

! grep -q "$secret" "$all" || fail "the password was printed: $(grep "$secret" "$all")"
echo "ok"
