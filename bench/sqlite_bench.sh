#!/usr/bin/env bash
# SQLite, side by side with the sqlite3 shell, in one run:
#   1. apply: 200 small migrations applied to an empty database file by
#      `schemac apply` (one transaction per file with its history row) and by
#      the sqlite3 shell reading the same files, each between BEGIN and COMMIT
#      (no history: the floor the runner's bookkeeping is measured against);
#   2. rebuild: a 1,000,000-row table rebuilt (a CHECK added) by the migration
#      `schemac diff` writes, run by `schemac apply`, and by the same twelve
#      steps written by hand in the sqlite3 shell (foreign keys off, BEGIN,
#      create, copy, drop, rename, index, foreign_key_check, COMMIT);
#   3. inspect: `schemac inspect` of databases of 250, 500 and 1,000 tables
#      (how its cost grows with size).
#
#   bench/sqlite_bench.sh [SCHEMAC]
#
#   SCHEMAC   the schemac binary (default build-bench/schemac, else build/schemac).
#   env RUNS  hyperfine runs per command (default 10; the rebuild uses RUNS/2, at least 3).
#   env RESULTS_DIR  where hyperfine's tables go (default build-bench/sqlite_bench).
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_setup sqlite_bench "$@"
command -v hyperfine >/dev/null || { echo "sqlite_bench: hyperfine is not installed (scripts/setup.sh installs it)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite_bench: the sqlite3 shell is not installed (scripts/setup.sh installs it)" >&2; exit 2; }
work=$(mktemp -d /tmp/schemac-sqlite-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
cd "$work"   # no schemac.yaml here: schemac uses its defaults

ratio() {   # ratio JSON NAME_A NAME_B: the means and medians of two commands of one hyperfine run
  python3 - "$@" <<'EOF'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
a, b = sys.argv[2], sys.argv[3]
for stat in ("mean", "median"):
    x, y = r[a][stat], r[b][stat]
    print(f"  {stat:6s}: {a} {x*1e3:.0f} ms, {b} {y*1e3:.0f} ms; {a} / {b} = {x/y:.2f}")
EOF
}

# ---- 1. 200 small migrations
mig=$work/apply
mkdir -p "$mig"
count=200
for ((i = 1; i <= count; i++)); do
  v=$(printf '%04d' "$i")
  t=bench_t$v
  {
    echo "CREATE TABLE $t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, amount REAL NOT NULL DEFAULT 0, created_at INTEGER NOT NULL DEFAULT (unixepoch()));"
    echo "CREATE INDEX ${t}_name_idx ON $t (name);"
    echo "INSERT INTO $t (id, name, amount) VALUES (1, 'first of $v', 1.5), (2, 'second of $v', 2.25), (3, 'third of $v', $i);"
    if ((i % 4 == 0)); then echo "ALTER TABLE bench_t$(printf '%04d' $((i / 2))) ADD COLUMN note_$v TEXT NOT NULL DEFAULT '$v';"; fi
    if ((i % 10 == 0)); then echo "UPDATE bench_t$(printf '%04d' $((i - 5))) SET amount = amount + 1 WHERE id <= 2;"; fi
  } >"$mig/${v}_create_$t.up.sql"
done
for f in "$mig"/*.up.sql; do printf 'BEGIN;\n'; cat "$f"; printf 'COMMIT;\n'; done >"$work/all_in_one.sql"
db=$work/apply.db
"$schemac" apply --db "sqlite:$db" --dir "$mig" >/dev/null 2>"$work/apply.err" \
  || { cat "$work/apply.err" >&2; echo "sqlite_bench: $schemac cannot apply to SQLite (an older build?)" >&2; exit 1; }
applied=$(sqlite3 "$db" 'SELECT count(*) FROM schemac_migrations WHERE success')
[ "$applied" = "$count" ] || { echo "sqlite_bench: schemac recorded $applied of $count migrations" >&2; exit 1; }
rm -f "$db"*
hyperfine --warmup 1 --runs "$runs" --prepare "rm -f $db $db-journal $db-wal" \
  --export-json "$results/apply.json" --export-markdown "$results/apply.md" \
  -n "schemac apply" "$schemac apply --db sqlite:$db --dir $mig" \
  -n "sqlite3 shell" "sqlite3 $db < $work/all_in_one.sql"
echo "apply: $count migrations"
ratio "$results/apply.json" "schemac apply" "sqlite3 shell"

# ---- 2. a rebuild of a 1,000,000-row table
proj=$work/rebuild
mkdir -p "$proj/schema"
printf 'dialect: sqlite\nschema: schema\nmigrations: migrations\n' >"$proj/schemac.yaml"
cat >"$proj/schema/fills.yaml" <<'EOF'
tables:
  fills:
    columns:
      id: integer
      symbol: text
      qty: real
      price: real
      at: integer
    primary_key: [id]
    indexes:
      - columns: [symbol, at]
EOF
(cd "$proj" && "$schemac" diff -m "create fills" >/dev/null 2>&1)
printf '    checks:\n      ck_fills_qty: qty > 0\n' >>"$proj/schema/fills.yaml"
(cd "$proj" && "$schemac" diff -m "positive qty" >/dev/null 2>&1)
base=$work/base.db
"$schemac" apply --db "sqlite:$base" --dir "$proj/migrations" --target 1 >/dev/null 2>&1
sqlite3 "$base" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
  INSERT INTO fills SELECT i, 'SYM' || (i % 500), 1 + i % 7, 100.0 + i % 13, 1700000000 + i FROM n;"
cat >"$work/by_hand.sql" <<'EOF'
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE new_fills (id INTEGER NOT NULL, symbol TEXT NOT NULL, qty REAL NOT NULL, price REAL NOT NULL, at INTEGER NOT NULL,
  PRIMARY KEY (id), CONSTRAINT ck_fills_qty CHECK (qty > 0));
INSERT INTO new_fills (id, symbol, qty, price, at) SELECT id, symbol, qty, price, at FROM fills;
DROP TABLE fills;
ALTER TABLE new_fills RENAME TO fills;
CREATE INDEX fills_symbol_at_idx ON fills (symbol, at);
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
EOF
db=$work/rebuild.db
rebuild_runs=$(( runs / 2 < 3 ? 3 : runs / 2 ))
hyperfine --warmup 1 --runs "$rebuild_runs" --prepare "cp $base $db" \
  --export-json "$results/rebuild.json" --export-markdown "$results/rebuild.md" \
  -n "schemac apply (rebuild)" "$schemac apply --db sqlite:$db --dir $proj/migrations" \
  -n "sqlite3 shell, 12 steps by hand" "sqlite3 $db < $work/by_hand.sql"
cp "$base" "$db" && "$schemac" apply --db "sqlite:$db" --dir "$proj/migrations" >/dev/null 2>&1
[ "$(sqlite3 "$db" 'SELECT count(*) FROM fills')" = 1000000 ] || { echo "sqlite_bench: the rebuild lost rows" >&2; exit 1; }
echo "rebuild: 1,000,000 rows"
ratio "$results/rebuild.json" "schemac apply (rebuild)" "sqlite3 shell, 12 steps by hand"

# ---- 3. inspect of 250, 500, 1,000 tables
make_db() {   # make_db N FILE: N tables of 6 columns, a key, a foreign key, a check and an index each
  local n=$1 file=$2
  rm -f "$file"
  { echo "BEGIN;"
    for ((i = 1; i <= n; i++)); do
      local ref=""
      ((i > 1)) && ref=", CONSTRAINT t${i}_parent_fkey FOREIGN KEY (parent) REFERENCES t$((i - 1)) (id)"
      echo "CREATE TABLE t$i (id INTEGER NOT NULL, parent INTEGER, name TEXT NOT NULL, qty REAL NOT NULL DEFAULT 0, note TEXT, at INTEGER NOT NULL DEFAULT (unixepoch()), PRIMARY KEY (id)$ref, CONSTRAINT t${i}_qty_check CHECK (qty >= 0));"
      echo "CREATE INDEX t${i}_name_idx ON t$i (name, at DESC);"
    done
    echo "COMMIT;"; } | sqlite3 "$file"
}
cmds=()
for n in 250 500 1000; do
  make_db "$n" "$work/inspect_$n.db"
  "$schemac" inspect --db "sqlite:$work/inspect_$n.db" >"$work/inspect_$n.yaml" 2>"$work/inspect_$n.err" \
    || { cat "$work/inspect_$n.err" >&2; echo "sqlite_bench: inspect of $n tables failed" >&2; exit 1; }
  cmds+=(-n "inspect $n tables" "$schemac inspect --db sqlite:$work/inspect_$n.db")
done
hyperfine --warmup 1 --runs "$runs" --export-json "$results/inspect.json" --export-markdown "$results/inspect.md" "${cmds[@]}" >/dev/null
python3 - "$results/inspect.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
for x in r: print(f"  {x['command']}: mean {x['mean']*1e3:.0f} ms, median {x['median']*1e3:.0f} ms")
print(f"  1,000 / 250 tables: x{r[2]['median']/r[0]['median']:.2f} (linear would be x4)")
EOF
echo "sqlite_bench: results in $results"
