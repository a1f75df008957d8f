#!/usr/bin/env bash
# Reading a live schema: `schemac inspect` against `pg_dump --schema-only`, on
# generated databases of 100 and 1,000 tables, side by side in one hyperfine run,
# plus the number of statements each sends to the server (and their server time).
#
#   bench/inspect_bench.sh [SCHEMAC]
#
#   SCHEMAC   the schemac binary to measure; this script builds nothing. Default:
#             build-bench/schemac of this checkout if it exists (scripts/bench.sh
#             builds it, release), else build/schemac (whatever build type that is).
#   env RUNS  hyperfine runs per command (default 10), after one warmup run.
#   env SIZES the database sizes in tables (default "100 1000"; the ratio and the
#             query counts are reported for each).
#   env RESULTS_DIR  where the results go (default build-bench/inspect_bench, never
#             committed): inspect_bench.md and .json (hyperfine), queries.txt (the
#             statement counts), statements_<tool>_<N>.log (each statement with its
#             server duration, one run of each tool).
#   env PG_DUMP  the pg_dump binary (default /usr/lib/postgresql/15/bin/pg_dump).
#             Not Debian's /usr/bin/pg_dump: that is pg_wrapper, a Perl script that
#             picks a cluster and a version and then execs the real pg_dump, 30-50 ms
#             per start on the project machine (as much as pg_dump's whole run at 100
#             tables), which would bill pg_dump for Debian's packaging, and which may
#             run a newer pg_dump than the server's if several are installed.
#   env PSQL  the psql binary used to create the databases (default
#             /usr/lib/postgresql/15/bin/psql, for the same reason).
#
# The databases: N tables t0001..tN in public, all of one shape (the same bytes
# every time): 20 columns of mixed types (bigserial primary key, bigint, varchar(n)
# with n varying by table, char(8), an enum, integer, smallint, numeric(12,2),
# double precision, real, boolean, text, text[], jsonb, uuid, bytea, date,
# interval, timestamptz, timestamp(3)), 9 of them NOT NULL with a default, two
# indexes besides the primary key's (one on the foreign key column, one partial
# on two columns, one of them DESC), a table comment, and a foreign key from
# each table to the one before it (t0001 to the last). Created by one
# `psql -1 -f` of generated SQL, then VACUUM ANALYZE (so that autovacuum does not
# analyze the catalogs in the middle of the timing and change the plans).
#
# The commands, both over the unix socket, their output to /dev/null:
#   schemac inspect --db 'host=... dbname=...'   (YAML of the whole schema)
#   pg_dump --schema-only -h ... -d ...          (SQL of the whole schema)
# Before timing, each is run once per size and checked: exit 0, N tables in
# the output, nothing on schemac's stderr.
#
# Statement counts: log_min_duration_statement = 0 for the bench databases only
# (ALTER DATABASE ... SET; off again before the timing), one run of each tool,
# the statements it sent counted in the server log (which also gives each
# statement's server time).
#
# Its own throwaway PostgreSQL 15 (scripts/pg-test-server.sh, fsync off, unix
# socket in /tmp/schemac-inspect-bench-pg), always stopped again.
set -euo pipefail
abs() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd)" "$(basename "$1")"); }
# A path given as $1 or RESULTS_DIR is relative to where the script is run from.
schemac=${1:-}
if [ -n "$schemac" ]; then
  [ -x "$schemac" ] && [ -f "$schemac" ] || { echo "inspect_bench: $schemac is not an executable" >&2; exit 2; }
  schemac=$(abs "$schemac")
fi
if [ -n "${RESULTS_DIR:-}" ]; then mkdir -p "$RESULTS_DIR"; results=$(cd "$RESULTS_DIR" && pwd); fi
cd "$(dirname "$0")/.."
root=$PWD
if [ -z "$schemac" ]; then
  if [ -x build-bench/schemac ]; then schemac=$root/build-bench/schemac
  elif [ -x build/schemac ]; then schemac=$root/build/schemac
  else echo "inspect_bench: no schemac binary: pass its path, or build it (scripts/bench.sh)" >&2; exit 2; fi
fi
runs=${RUNS:-10}
sizes=${SIZES:-100 1000}
for n in $sizes; do
  [[ $n =~ ^[1-9][0-9]{0,3}$ ]] || { echo "inspect_bench: SIZES: $n is not a number of tables from 1 to 9999" >&2; exit 2; }
done
if [ -z "${results:-}" ]; then mkdir -p build-bench/inspect_bench; results=$root/build-bench/inspect_bench; fi
command -v hyperfine >/dev/null || { echo "inspect_bench: hyperfine is not installed (apt-get install hyperfine; scripts/setup.sh does not install it)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "inspect_bench: python3 is needed for the summary" >&2; exit 2; }
psql=$(command -v "${PSQL:-/usr/lib/postgresql/15/bin/psql}") \
  || { echo "inspect_bench: ${PSQL:-/usr/lib/postgresql/15/bin/psql} missing: run scripts/setup.sh (PostgreSQL 15)" >&2; exit 2; }
pg_dump=$(command -v "${PG_DUMP:-/usr/lib/postgresql/15/bin/pg_dump}") \
  || { echo "inspect_bench: ${PG_DUMP:-/usr/lib/postgresql/15/bin/pg_dump} missing: run scripts/setup.sh (PostgreSQL 15)" >&2; exit 2; }

pgdir=/tmp/schemac-inspect-bench-pg
work=$(mktemp -d /tmp/schemac-inspect-bench.XXXXXX)
cleanup() {
  "$root/scripts/pg-test-server.sh" stop "$pgdir" || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- the schema of N tables as SQL, the same bytes every time (builtins only: fast).
gen_sql() {
  local n=$1 i t p
  printf '%s\n' "-- generated by bench/inspect_bench.sh: $n tables" \
    "CREATE TYPE bench_status AS ENUM ('new', 'active', 'on_hold', 'closed');"
  for ((i = 1; i <= n; i++)); do
    printf -v t 't%04d' "$i"
    printf '%s\n' \
      "CREATE TABLE $t (" \
      "    id bigserial PRIMARY KEY," \
      "    parent_id bigint," \
      "    name varchar($((20 + i % 200))) NOT NULL," \
      "    code char(8) NOT NULL DEFAULT 'T$i'," \
      "    status bench_status NOT NULL DEFAULT 'new'," \
      "    quantity integer NOT NULL DEFAULT 0," \
      "    priority smallint," \
      "    amount numeric(12,2) NOT NULL DEFAULT 0," \
      "    ratio double precision," \
      "    score real," \
      "    active boolean NOT NULL DEFAULT true," \
      "    body text," \
      "    tags text[] NOT NULL DEFAULT '{}'," \
      "    attrs jsonb NOT NULL DEFAULT '{}'," \
      "    external_id uuid," \
      "    payload bytea," \
      "    born_on date," \
      "    wait interval," \
      "    created_at timestamptz NOT NULL DEFAULT now()," \
      "    updated_at timestamp(3)" \
      ");" \
      "CREATE INDEX ${t}_parent_idx ON $t (parent_id);" \
      "CREATE INDEX ${t}_status_created_idx ON $t (status, created_at DESC) WHERE active;" \
      "COMMENT ON TABLE $t IS 'bench table $i of $n';"
  done
  for ((i = 1; i <= n; i++)); do
    p=$((i == 1 ? n : i - 1))
    printf 'ALTER TABLE t%04d ADD CONSTRAINT t%04d_parent_fk FOREIGN KEY (parent_id) REFERENCES t%04d (id) ON DELETE SET NULL;\n' "$i" "$i" "$p"
  done
}

# ---- the server and the databases
"$root/scripts/pg-test-server.sh" start "$pgdir"
log=$pgdir/server.log
psql_base="$psql -X -q -v ON_ERROR_STOP=1 -h $pgdir -U postgres"
db_of() { echo "schemac_inspect_$1"; }
for n in $sizes; do
  db=$(db_of "$n")
  gen_sql "$n" >"$work/tables_$n.sql"
  start=$(date +%s%N)
  $psql_base -d postgres -c "CREATE DATABASE $db"
  PGOPTIONS='-c client_min_messages=warning' $psql_base -d "$db" -1 -f "$work/tables_$n.sql"
  $psql_base -d "$db" -c 'VACUUM ANALYZE'
  echo "inspect_bench: $db: $n tables created in $((($(date +%s%N) - start) / 1000000)) ms ($(wc -c <"$work/tables_$n.sql") bytes of SQL)"
done

cd "$work"   # no schemac.yaml here: schemac uses its defaults, not the project's config
cmd_schemac() { echo "$schemac inspect --db 'host=$pgdir user=postgres dbname=$(db_of "$1")' > /dev/null"; }
cmd_pg_dump() { echo "$pg_dump --schema-only -h $pgdir -U postgres -d $(db_of "$1") > /dev/null"; }

# ---- both do the whole job: exit 0, every table in the output.
for n in $sizes; do
  conn="host=$pgdir user=postgres dbname=$(db_of "$n")"
  "$schemac" inspect --db "$conn" >"$work/schemac_$n.yaml" 2>"$work/schemac_$n.err" \
    || { cat "$work/schemac_$n.err" >&2; echo "inspect_bench: schemac inspect failed at $n tables" >&2; exit 1; }
  [ ! -s "$work/schemac_$n.err" ] || { cat "$work/schemac_$n.err" >&2; echo "inspect_bench: schemac inspect reported problems at $n tables" >&2; exit 1; }
  "$pg_dump" --schema-only -h "$pgdir" -U postgres -d "$(db_of "$n")" >"$work/pg_dump_$n.sql"
  got_s=$(grep -cE '^  t[0-9]{4}:$' "$work/schemac_$n.yaml" || true)
  got_d=$(grep -cE '^CREATE TABLE public\.t[0-9]{4} \($' "$work/pg_dump_$n.sql" || true)
  [ "$got_s" = "$n" ] && [ "$got_d" = "$n" ] \
    || { echo "inspect_bench: at $n tables schemac printed $got_s tables, pg_dump $got_d" >&2; exit 1; }
  echo "inspect_bench: $n tables: schemac $(wc -l <"$work/schemac_$n.yaml") lines of YAML, pg_dump $(wc -l <"$work/pg_dump_$n.sql") lines of SQL"
done

# ---- statements sent: every statement logged with its duration, one run of each.
# A statement is a simple query or the execute step of an extended-protocol one
# (parse and bind steps are not counted; neither tool prepares statements here).
: >"$results/queries.txt"
for n in $sizes; do
  db=$(db_of "$n")
  $psql_base -d postgres -c "ALTER DATABASE $db SET log_min_duration_statement = 0"
  for tool in schemac pg_dump; do
    before=$(stat -c %s "$log")
    sh -c "$(cmd_$tool "$n")"
    tail -c +$((before + 1)) "$log" | grep -E 'LOG:  duration: [0-9.]+ ms  (statement|execute [^:]*): ' \
      | sed -E 's/^.*LOG:  duration: ([0-9.]+) ms  /\1\t/' >"$results/statements_${tool}_$n.log"
    awk -F'\t' -v tool="$tool" -v n="$n" '{ s += $1 } END { printf "%s %s %d %.1f\n", tool, n, NR, s }' \
      "$results/statements_${tool}_$n.log" >>"$results/queries.txt"
  done
  $psql_base -d postgres -c "ALTER DATABASE $db RESET log_min_duration_statement"
done

# ---- timing
hyperfine_args=()
for n in $sizes; do
  hyperfine_args+=(-n "schemac inspect ($n tables)" "$(cmd_schemac "$n")")
  hyperfine_args+=(-n "pg_dump --schema-only ($n tables)" "$(cmd_pg_dump "$n")")
done
hyperfine --warmup 1 --runs "$runs" \
  --export-markdown "$results/inspect_bench.md" --export-json "$results/inspect_bench.json" "${hyperfine_args[@]}"

# ---- summary: times, ratios, statements and their server time per size.
python3 - "$results/inspect_bench.json" "$results/queries.txt" "$results" $sizes <<'EOF'
import json, sys
results, queries, outdir, sizes = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
r = {x["command"]: x for x in json.load(open(results))["results"]}
q = {}
for line in open(queries):
    tool, n, count, ms = line.split()
    q[(tool, n)] = (int(count), float(ms))
print("\ninspect_bench: summary (times: hyperfine, %d runs; statements: one run with every statement logged)" % len(r[next(iter(r))]["times"]))
print("%7s | %-22s | %10s | %10s | %8s | %10s | %18s" % ("tables", "command", "mean", "median", "sigma", "statements", "their server time"))
for n in sizes:
    for tool, name in (("schemac", f"schemac inspect ({n} tables)"), ("pg_dump", f"pg_dump --schema-only ({n} tables)")):
        x = r[name]
        count, ms = q[(tool, n)]
        print("%7s | %-22s | %7.1f ms | %7.1f ms | %5.1f ms | %10d | %15.1f ms" % (
            n, name.split(" (")[0], x["mean"] * 1e3, x["median"] * 1e3, x["stddev"] * 1e3, count, ms))
for n in sizes:
    s, d = r[f"schemac inspect ({n} tables)"], r[f"pg_dump --schema-only ({n} tables)"]
    print(f"{n:>7} tables: pg_dump / schemac  mean x{d['mean'] / s['mean']:.2f}, median x{d['median'] / s['median']:.2f}, "
          f"min x{d['min'] / s['min']:.2f} (above 1: schemac faster)")
if len(sizes) > 1:
    a, b = sizes[0], sizes[-1]
    for tool, name in (("schemac", "schemac inspect"), ("pg_dump", "pg_dump --schema-only")):
        ta, tb = r[f"{name} ({a} tables)"]["median"], r[f"{name} ({b} tables)"]["median"]
        qa, qb = q[(tool, a)][0], q[(tool, b)][0]
        print(f"{name}: {a} -> {b} tables: median time x{tb / ta:.1f}, statements {qa} -> {qb}"
              + (" (constant)" if qa == qb else f" (+{(qb - qa) / (int(b) - int(a)):.2f} per table)"))
print(f"statements with their server durations: {outdir}/statements_<tool>_<N>.log")
EOF
echo "inspect_bench: results in $results/inspect_bench.md and .json, $results/queries.txt"
