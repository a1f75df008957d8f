#!/usr/bin/env bash
# The per-version snapshots (generated/migrations/snapshots/NNNN.yaml) on a scratch project: diff
# writes one per version, byte for byte the snapshot; schemac.sum covers them (an edit, a deletion,
# a stray file are errors); new writes none; diff --redo rewrites the replaced version's; the bytes
# are deterministic; the runtime's migration set and generate ignore the subdirectory.
# Usage: version_snapshots.sh /path/to/schemac
set -euo pipefail
# shellcheck source=scratch_project.sh
source "$(dirname "$0")/scratch_project.sh" "$1"
snaps=$dir/snapshots

mkdir schema
table() {   # table EXTRA_COLUMN_LINES: schema/orders.yaml with these extra columns
    printf 'tables:\n  orders:\n    columns:\n      id: serial\n      status: text\n%s    primary_key: [id]\n' "$1" > schema/orders.yaml
}
table ""
"$schemac" diff -m "orders" >/dev/null 2>err || fail "first diff: $(cat err)"

# 1. diff writes snapshots/0001.yaml, the same bytes as the snapshot, and says so.
[ -f "$snaps/0001.yaml" ] || fail "no snapshots/0001.yaml: $(ls -R "$dir")"
cmp -s "$snaps/0001.yaml" "$dir/schema.snapshot.yaml" || fail "snapshots/0001.yaml differs from the snapshot"
head -1 "$snaps/0001.yaml" | grep -qx '# schemac schema snapshot: the schema after migration 0001.' || fail "header: $(head -1 "$snaps/0001.yaml")"
grep -q "^wrote $snaps/0001.yaml\$" err || fail "diff does not list the snapshot it wrote: $(cat err)"
"$schemac" check >/dev/null 2>err || fail "check after diff: $(cat err)"
pass

# 2. schemac.sum covers it, right after its migration's files.
sed -n 2,4p "$dir/schemac.sum" | cut -d' ' -f1 | tr '\n' ' ' | grep -qx '0001_orders.up.sql 0001_orders.down.sql snapshots/0001.yaml ' ||
    fail "schemac.sum order: $(cat "$dir/schemac.sum")"
pass

# 3. A tampered snapshot is caught like a tampered migration; a deleted one too; restored, green.
cp "$snaps/0001.yaml" saved.yaml
sed -i 's/status:/state:/' "$snaps/0001.yaml"
if "$schemac" check >/dev/null 2>err; then fail "check passed a tampered snapshot"; fi
grep -q 'snapshots/0001.yaml was edited after schemac.sum was written' err || fail "the tampered snapshot is not named: $(cat err)"
rm "$snaps/0001.yaml"
if "$schemac" check >/dev/null 2>err; then fail "check passed a deleted snapshot"; fi
grep -q 'schemac.sum lists snapshots/0001.yaml, which is missing' err || fail "the deleted snapshot is not named: $(cat err)"
grep -q 'verify` cannot check a database at that version' err || fail "the error does not say what is lost: $(cat err)"
cp saved.yaml "$snaps/0001.yaml"
"$schemac" check >/dev/null 2>err || fail "check after restoring: $(cat err)"
pass

# 4. Strays in snapshots/ are errors for check and hash: another name, a version with no migration.
echo x > "$snaps/notes.txt"
if "$schemac" check >/dev/null 2>err; then fail "check passed a stray file in snapshots/"; fi
grep -q 'snapshots/notes.txt: error: only the snapshots schemac writes belong in snapshots/' err || fail "stray name: $(cat err)"
if "$schemac" hash >/dev/null 2>err; then fail "hash signed a stray file in snapshots/"; fi
rm "$snaps/notes.txt"
sed '1s/0001/0007/' "$snaps/0001.yaml" > "$snaps/0007.yaml"
if "$schemac" check >/dev/null 2>err; then fail "check passed a snapshot without its migration"; fi
grep -q 'snapshots/0007.yaml: error: there is no migration 0007' err || fail "orphan snapshot: $(cat err)"
rm "$snaps/0007.yaml"
pass

# 5. new: no snapshot for a hand-written migration, the others unchanged; check green.
"$schemac" new -m "fix data" 2>err || fail "new: $(cat err)"
[ ! -e "$snaps/0002.yaml" ] || fail "new wrote a snapshot"
cmp -s "$snaps/0001.yaml" saved.yaml || fail "new changed snapshots/0001.yaml"
"$schemac" check >/dev/null 2>err || fail "check after new: $(cat err)"
pass

# 6. diff after it: snapshots/0003.yaml; redo rewrites it from the new YAML; a redo back to no
#    change removes the migration and its snapshot.
table "      total: numeric(10,2)?
"
"$schemac" diff -m "add total" 2>err || fail "diff: $(cat err)"
[ -f "$snaps/0003.yaml" ] || fail "no snapshots/0003.yaml: $(ls "$snaps")"
grep -q 'total' "$snaps/0003.yaml" || fail "snapshots/0003.yaml lacks the new column"
table "      total: numeric(10,2)?
      note: text?
"
"$schemac" diff --redo -m "add total and note" 2>err || fail "redo: $(cat err)"
grep -q 'note' "$snaps/0003.yaml" || fail "redo did not rewrite snapshots/0003.yaml: $(cat "$snaps/0003.yaml")"
cmp -s "$snaps/0003.yaml" "$dir/schema.snapshot.yaml" || fail "redo: snapshots/0003.yaml differs from the snapshot"
grep -q '^removed .*snapshots' err && fail "redo says it removed the snapshot it rewrote: $(cat err)"
"$schemac" check >/dev/null 2>err || fail "check after redo: $(cat err)"
table ""
"$schemac" diff --redo -m "nothing" 2>err || fail "redo back to no change: $(cat err)"
[ ! -e "$snaps/0003.yaml" ] || fail "redo left the snapshot of the removed migration"
grep -q "^removed $snaps/0003.yaml\$" err || fail "redo does not say it removed the snapshot: $(cat err)"
"$schemac" check >/dev/null 2>err || fail "check after removing 0003: $(cat err)"
pass

# 7. Deleted newest migration (its snapshot left behind): diff --redo writes both again.
table "      total: numeric(10,2)?
"
"$schemac" diff -m "add total" 2>/dev/null || fail "diff again"
rm "$dir"/0003_add_total.*
"$schemac" diff --redo -m "add total" 2>err || fail "redo after deleting the newest pair: $(cat err)"
[ -f "$dir/0003_add_total.up.sql" ] && [ -f "$snaps/0003.yaml" ] || fail "redo did not write 0003 again: $(ls -R "$dir")"
"$schemac" check >/dev/null 2>err || fail "check after redo of a deleted pair: $(cat err)"
pass

# 8. Deterministic: the same YAML in a second project gives byte-identical snapshots and migrations.
first=$PWD
mkdir "$work/again" && cd "$work/again"
mkdir schema
table ""
"$schemac" diff -m "orders" 2>/dev/null && "$schemac" new -m "fix data" 2>/dev/null || fail "second project"
table "      total: numeric(10,2)?
"
"$schemac" diff -m "add total" 2>/dev/null || fail "second project: diff"
# (The snapshots and migrations; schema.snapshot.previous.yaml's header depends on the path taken,
# since the first project redid 0003 on the way.)
diff -r "$first/$snaps" "$snaps" >/dev/null || fail "not deterministic: $(diff -r "$first/$snaps" "$snaps" | head)"
for f in "$dir"/*.sql; do cmp -s "$f" "$first/$f" || fail "not deterministic: $f"; done
cd "$first"
pass

# 9. The migrations themselves, for the runtime and generate: the subdirectory is no migration.
"$schemac" generate --out cpp 2>err >/dev/null || fail "generate: $(cat err)"
grep -rq 'snapshots' cpp && fail "generate embedded a snapshot: $(grep -rl snapshots cpp)"
"$schemac" generate --out cpp --check >/dev/null 2>err || fail "generate --check: $(cat err)"
pass

echo "$n passed, 0 failed"
