#!/usr/bin/env bash
# Files of a schema directory that cannot be read are errors, never skipped:
# a file without read permission, an unreadable subdirectory, a FIFO, a link
# to /dev/zero, a file above the size limit, an unreadable schemac.yaml, and
# migrations that are dangling links or FIFOs.
# (Dangling and looping links: golden case 250_unreadable_schema_files.)
# Usage: unreadable_files.sh /path/to/schemac
set -euo pipefail
schemac=$1
work=$(mktemp -d)
chmod 755 "$work"
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

# Root reads files whatever their mode: run schemac as nobody then.
as_user() {
  if [ "$(id -u)" = 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi
}
# expect_error "<stderr line>" schemac-args...: exit 1 and that exact line, within 10 s.
expect_error() {
  local want=$1; shift
  local rc=0
  as_user timeout 10 "$schemac" "$@" >out 2>err || rc=$?
  [ "$rc" = 1 ] || fail "schemac $* exited $rc, not 1: $(cat out err)"
  grep -qxF -- "$want" err || fail "schemac $*: no line '$want' in: $(cat err)"
}

valid='tables:
  accounts:
    columns:
      id: bigserial
'
mkdir -p schema/locked
printf '%s' "$valid" > schema/accounts.yaml
printf '%s' "$valid" | sed 's/accounts/orders/' > schema/orders.yaml
chmod 000 schema/orders.yaml
chmod 755 . schema
expect_error "schema/orders.yaml: error: cannot read file: Permission denied" check schema
chmod 644 schema/orders.yaml

printf '%s' "$valid" | sed 's/accounts/hidden/' > schema/locked/hidden.yaml
chmod 000 schema/locked
expect_error "schema/locked: error: cannot read directory: Permission denied" check schema
chmod 755 schema/locked
as_user "$schemac" check schema >out 2>err || fail "readable again, but: $(cat err)"
grep -q '^3 tables' out || fail "not every file was read: $(cat out)"

mkfifo schema/pipe.yaml
expect_error "schema/pipe.yaml: error: cannot read file: it is a FIFO, not a regular file" check schema
rm schema/pipe.yaml
ln -s /dev/zero schema/zero.yaml
expect_error "schema/zero.yaml: error: cannot read file: it is a character device, not a regular file" check schema
expect_error "schema/zero.yaml: error: cannot read file: it is a character device, not a regular file" check schema/zero.yaml
rm schema/zero.yaml

# The limit is 16 MiB: a file of exactly 16 MiB is read, one byte more is not.
{ printf '%s' "$valid"; head -c $((16 * 1024 * 1024 - ${#valid})) /dev/zero | tr '\0' '\n'; } > schema/large.yaml
[ "$(stat -c %s schema/large.yaml)" = $((16 * 1024 * 1024)) ] || fail "test file has the wrong size"
"$schemac" check schema/large.yaml >out 2>err || fail "a file of exactly 16 MiB was refused: $(cat err)"
echo >> schema/large.yaml
expect_error "schema/large.yaml: error: file is 16777217 bytes, more than the limit of 16 MiB per file; split the schema into several files" check schema
rm schema/large.yaml

# schemac.yaml: unreadable, a dangling link, a FIFO.
printf 'schema: schema\n' > schemac.yaml
chmod 000 schemac.yaml
expect_error "schemac.yaml: error: cannot read file: Permission denied" generate --list
rm schemac.yaml
ln -s gone.yaml schemac.yaml
expect_error "schemac.yaml: error: cannot read file: it is a symbolic link to 'gone.yaml', which does not exist" generate --list
rm schemac.yaml
mkfifo schemac.yaml
expect_error "schemac.yaml: error: cannot read file: it is a FIFO, not a regular file" generate --list
rm schemac.yaml

# The migrations directory: a migration that is a dangling link or a FIFO is an
# error for the compiler (diff) and the runner (status), never one file fewer.
"$schemac" diff -m first --dir migrations schema >out 2>err || fail "diff: $(cat err)"
ln -s gone.sql migrations/0002_gone.up.sql
expect_error "migrations/0002_gone.up.sql: error: cannot read file: it is a symbolic link to 'gone.sql', which does not exist" diff -m next --dir migrations schema
expect_error "schemac: error: migrations/0002_gone.up.sql: cannot read: it is a symbolic link to a file that does not exist" status --db "host=/nonexistent" --dir migrations
rm migrations/0002_gone.up.sql
mkfifo migrations/0002_pipe.down.sql
expect_error "migrations/0002_pipe.down.sql: error: cannot read file: it is a FIFO, not a regular file" diff -m next --dir migrations schema
expect_error "schemac: error: migrations/0002_pipe.down.sql: cannot read: it is not a regular file" status --db "host=/nonexistent" --dir migrations
echo "unreadable files: ok"
