#!/usr/bin/env bash
# End-to-end `schemac diff` / `schemac check` on a scratch project: what a
# developer and CI see. Usage: diff_workflow.sh /path/to/schemac
set -euo pipefail
# shellcheck source=scratch_project.sh
source "$(dirname "$0")/scratch_project.sh" "$1"
listing() { (cd "$dir" && for f in *; do printf '%s %s\n' "$f" "$(sha256sum < "$f" | cut -c1-16)"; done); }

mkdir schema
cat > schema/prices.yaml <<'YAML'
tables:
  prices:
    columns:
      id: serial
      symbol: varchar(20)
      close: numeric(10,2)?
    primary_key: [id]
YAML

# 1. The first diff writes the pair, the snapshot and the sum; check agrees.
"$schemac" diff -m "Initial schema!" 2>err || fail "first diff: $(cat err)"
for f in 0001_initial_schema.up.sql 0001_initial_schema.down.sql schema.snapshot.yaml schemac.sum; do
  [ -f "$dir/$f" ] || fail "missing $f"
done
grep -q '^-- created: 2026-01-02 by schemac' "$dir/0001_initial_schema.up.sql" || fail "header without creation date"
grep -q '^CREATE TABLE public.prices' "$dir/0001_initial_schema.up.sql" || fail "no CREATE TABLE"
grep -q '^DROP TABLE public.prices;' "$dir/0001_initial_schema.down.sql" || fail "no DROP TABLE in down"
"$schemac" check >/dev/null 2>err || fail "check after diff: $(cat err)"
pass

# 2. Nothing changed: nothing written, and it says so.
before=$(listing)
"$schemac" diff -m again 2>err || fail "second diff failed"
grep -q "no changes" err || fail "no 'no changes' message"
[ "$(listing)" = "$before" ] || fail "second diff changed files"
pass

# 3. Deterministic: the same schema in another project gives the same bytes.
mkdir other && cp -r schema other/ && (cd other && "$schemac" diff -m "Initial schema!" 2>/dev/null)
for f in 0001_initial_schema.up.sql 0001_initial_schema.down.sql schema.snapshot.yaml schemac.sum; do
  cmp -s "$dir/$f" "other/$dir/$f" || fail "$f differs between two identical runs"
done
pass

# 4. --dry-run prints the SQL and writes nothing.
sed -i 's/      close: numeric(10,2)?/      close: numeric(10,2)?\n      volume: bigint?/' schema/prices.yaml
before=$(listing)
"$schemac" diff -m "add volume" --dry-run >out 2>err || fail "dry run failed"
grep -q 'ALTER TABLE public.prices ADD COLUMN volume bigint;' out || fail "dry run without the SQL"
grep -q '^+ column prices.volume' err || fail "dry run without the summary"
[ "$(listing)" = "$before" ] || fail "dry run wrote files"
pass

# 5. check fails when the YAML is ahead of the migrations, naming what to run.
if "$schemac" check >/dev/null 2>err; then fail "check passed with a missing migration"; fi
grep -q 'run: schemac diff -m' err || fail "check does not name the command: $(cat err)"
"$schemac" diff -m "add volume" 2>/dev/null
"$schemac" check >/dev/null 2>&1 || fail "check after the second migration"
pass

# 6. A change that loses data is refused without --allow-destructive.
sed -i '/      volume: bigint?/d' schema/prices.yaml
before=$(listing)
if "$schemac" diff -m "drop volume" 2>err; then fail "destructive diff was not refused"; fi
grep -q 'refusing' err || fail "no refusal message"
grep -q 'data-loss' err || fail "no data-loss hazard in the summary"
[ "$(listing)" = "$before" ] || fail "refused diff wrote files"
"$schemac" diff -m "drop volume" --allow-destructive 2>/dev/null || fail "--allow-destructive failed"
grep -q 'loses every value of column prices.volume' "$dir/0003_drop_volume.up.sql" || fail "data loss not stated in the file"
pass

# 7. An edited migration is caught, by name.
cp "$dir/0002_add_volume.up.sql" saved
echo "-- an innocent edit" >> "$dir/0002_add_volume.up.sql"
if "$schemac" check >/dev/null 2>err; then fail "check missed an edited migration"; fi
grep -q '0002_add_volume.up.sql was edited' err || fail "edit not named: $(cat err)"
cp saved "$dir/0002_add_volume.up.sql"
pass

# 8. Two branches that both add migration 0003 are caught.
cp "$dir/0003_drop_volume.up.sql" "$dir/0003_other_branch.up.sql"
cp "$dir/0003_drop_volume.down.sql" "$dir/0003_other_branch.down.sql"
if "$schemac" check >/dev/null 2>err; then fail "check missed two migrations 0003"; fi
grep -q 'two migrations have version 0003' err || fail "duplicate version not named: $(cat err)"
rm "$dir"/0003_other_branch.*
pass

# 9. A write that fails half-way leaves the directory as it was.
sed -i 's/      close: numeric(10,2)?/      close: numeric(12,2)?/' schema/prices.yaml
before=$(listing)
mv "$dir/schemac.sum" sum.saved && mkdir "$dir/schemac.sum" && cp sum.saved "$dir/schemac.sum/keep"
if "$schemac" diff -m "widen close" --dir "$dir" 2>err; then fail "diff succeeded although schemac.sum cannot be replaced"; fi
rm -r "$dir/schemac.sum" && mv sum.saved "$dir/schemac.sum"
[ "$(listing)" = "$before" ] || fail "failed write left changes: $(listing)"
ls "$dir" | grep -q 'tmp-' && fail "temporary files left behind"
pass

echo "$n passed, 0 failed"
