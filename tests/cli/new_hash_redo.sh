#!/usr/bin/env bash
# `schemac new`, `schemac hash` and `schemac diff --redo` on a scratch project:
# hand-written migrations, a deliberate edit re-signed, a mistake redone, and
# the deleted-newest-migration state made fixable. Usage: new_hash_redo.sh /path/to/schemac
set -euo pipefail
# shellcheck source=scratch_project.sh
source "$(dirname "$0")/scratch_project.sh" "$1"

mkdir schema
cat > schema/orders.yaml <<'YAML'
tables:
  orders:
    columns:
      id: serial
      status: text
    primary_key: [id]
YAML
"$schemac" diff -m "orders" 2>err || fail "first diff: $(cat err)"

# 1. new: an empty numbered pair, registered in schemac.sum; the snapshot unchanged; check green.
snapshot=$(cat "$dir/schema.snapshot.yaml")
"$schemac" new -m "Mark paid orders" 2>err || fail "new: $(cat err)"
up=$dir/0002_mark_paid_orders.up.sql
[ -f "$up" ] && [ -f "$dir/0002_mark_paid_orders.down.sql" ] || fail "new wrote no pair: $(ls $dir)"
grep -q 'hand-written' "$up" || fail "no hand-written header: $(cat "$up")"
grep -q '^-- schemac:no-transaction' "$up" && fail "a transactional file says no-transaction"
grep -q '0002_mark_paid_orders.up.sql' "$dir/schemac.sum" || fail "not in schemac.sum"
[ "$(cat "$dir/schema.snapshot.yaml")" = "$snapshot" ] || fail "new changed the snapshot"
"$schemac" check >/dev/null 2>err || fail "check after new: $(cat err)"
pass

# 2. An edit of the unapplied file fails check, naming `schemac hash`; hash re-signs; check green.
echo "UPDATE public.orders SET status = 'paid' WHERE status = 'done';" >> "$up"
if "$schemac" check >/dev/null 2>err; then fail "check passed an unsigned edit"; fi
grep -q 'run `schemac hash`' err || fail "the error does not name schemac hash: $(cat err)"
"$schemac" hash >out 2>err || fail "hash: $(cat err)"
grep -qx 'edited 0002_mark_paid_orders.up.sql' out || fail "hash does not say what changed: $(cat out)"
[ "$(wc -l < out)" = 1 ] || fail "hash names unchanged files: $(cat out)"
grep -q 'still refuses' err || fail "hash does not warn about applied files: $(cat err)"
"$schemac" check >/dev/null 2>err || fail "check after hash: $(cat err)"
"$schemac" hash >out 2>err || fail "second hash"
grep -q 'up to date' err || fail "second hash rewrote: $(cat err)"
pass

# 3. diff numbers after the hand-written migration.
sed -i 's/      status: text/      status: text\n      total: numeric(10,2)?/' schema/orders.yaml
"$schemac" diff -m "add total" 2>err || fail "diff after new: $(cat err)"
[ -f "$dir/0003_add_total.up.sql" ] || fail "diff did not continue at 0003: $(ls $dir)"
pass

# 4. A mistake redone: change the YAML again, diff --redo gives one migration with the new content.
sed -i 's/      total: numeric(10,2)?/      total: numeric(12,2)?\n      note: text?/' schema/orders.yaml
"$schemac" diff --redo -m "add total and note" 2>err || fail "redo: $(cat err)"
grep -q 'cannot know whether a database has applied it' err || fail "redo does not warn: $(cat err)"
[ ! -e "$dir/0003_add_total.up.sql" ] && [ ! -e "$dir/0003_add_total.down.sql" ] || fail "the old 0003 is still there: $(ls $dir)"
new3=$dir/0003_add_total_and_note.up.sql
grep -q 'ADD COLUMN total numeric(12,2)' "$new3" || fail "redo is not a diff from the previous snapshot: $(cat "$new3")"
grep -q 'ADD COLUMN note text' "$new3" || fail "redo lost the new column: $(cat "$new3")"
[ "$(ls "$dir" | grep -c '^0003_')" = 2 ] && [ "$(ls "$dir" | grep -c '^0004_')" = 0 ] || fail "not one migration: $(ls $dir)"
"$schemac" check >/dev/null 2>err || fail "check after redo: $(cat err)"
pass

# 5. Deleting the newest pair: the error names the fix, and the fix works.
rm "$dir"/0003_add_total_and_note.*
if "$schemac" diff -m "add total and note" 2>err; then fail "diff passed with a deleted migration"; fi
grep -q 'schemac diff --redo' err || fail "the error does not name diff --redo: $(cat err)"
if "$schemac" hash >/dev/null 2>err; then fail "hash re-signed a directory whose snapshot includes a deleted migration"; fi
grep -q 'schemac diff --redo' err || fail "hash does not name diff --redo: $(cat err)"
"$schemac" diff --redo -m "add total and note" 2>err || fail "the named fix failed: $(cat err)"
grep -q 'ADD COLUMN note text' "$new3" || fail "the fix did not write 0003 again: $(ls $dir)"
"$schemac" check >/dev/null 2>err || fail "check after the fix: $(cat err)"
pass

# 6. Redo refuses a hand-written newest migration.
"$schemac" new -m "backfill totals" --no-transaction 2>/dev/null || fail "new --no-transaction"
grep -qx -- '-- schemac:no-transaction' "$dir/0004_backfill_totals.up.sql" || fail "no no-transaction directive"
"$schemac" check >/dev/null 2>err || fail "check after new --no-transaction: $(cat err)"
listing=$(ls -l --time-style=full-iso "$dir"; cat "$dir/schemac.sum")
if "$schemac" diff --redo -m x 2>err; then fail "redo replaced a hand-written migration"; fi
grep -q 'hand-written' err || fail "the refusal does not say why: $(cat err)"
[ "$(ls -l --time-style=full-iso "$dir"; cat "$dir/schemac.sum")" = "$listing" ] || fail "a refused redo changed files"
pass

# 7. A deleted hand-written newest pair: diff names --redo; with the YAML unchanged it only removes it.
rm "$dir"/0004_backfill_totals.*
if "$schemac" check >/dev/null 2>err; then fail "check passed with a deleted migration"; fi
grep -q 'schemac diff --redo' err || fail "check does not name diff --redo: $(cat err)"
"$schemac" diff --redo -m x 2>err || fail "redo of a deleted hand-written pair: $(cat err)"
ls "$dir" | grep -q '^0004_' && fail "redo wrote a migration with nothing to do: $(ls $dir)"
"$schemac" check >/dev/null 2>err || fail "check after removing the deleted pair: $(cat err)"
pass

# 8. Redo never re-signs an edit of an older migration.
echo "-- edited" >> "$dir/0001_orders.up.sql"
if "$schemac" diff --redo -m x 2>err; then fail "redo re-signed an edit of an older migration"; fi
grep -q '0001_orders.up.sql differs' err || fail "older edit not named: $(cat err)"
pass

echo "$n passed, 0 failed"
