# Sourced by the database benchmarks (apply_bench.sh, inspect_bench.sh):
#   bench_setup NAME "$@"
# sets `schemac` (the binary: $1, else build-bench/schemac, else build/schemac),
# `root` (the source tree, also the working directory afterwards), `runs`
# (RUNS, default 10) and `results` (RESULTS_DIR, default build-bench/NAME).
# Paths given as $1 or RESULTS_DIR are relative to where the script was run from.
abs() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd)" "$(basename "$1")"); }

bench_setup() {
  local name=$1
  schemac=${2:-}
  if [ -n "$schemac" ]; then
    [ -x "$schemac" ] && [ -f "$schemac" ] || { echo "$name: $schemac is not an executable" >&2; exit 2; }
    schemac=$(abs "$schemac")
  fi
  results=
  if [ -n "${RESULTS_DIR:-}" ]; then mkdir -p "$RESULTS_DIR"; results=$(cd "$RESULTS_DIR" && pwd); fi
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  root=$PWD
  if [ -z "$schemac" ]; then
    if [ -x build-bench/schemac ]; then schemac=$root/build-bench/schemac
    elif [ -x build/schemac ]; then schemac=$root/build/schemac
    else echo "$name: no schemac binary: pass its path, or build it (scripts/bench.sh)" >&2; exit 2; fi
  fi
  runs=${RUNS:-10}
  if [ -z "$results" ]; then mkdir -p "build-bench/$name"; results=$root/build-bench/$name; fi
}

# bench_scratch NAME: sets `work` (a fresh directory) and `pgdir`
# (/tmp/schemac-NAME-pg, for scripts/pg-test-server.sh), both removed on exit
# (the server stopped), also after an interrupt.
bench_scratch() {
  pgdir=/tmp/schemac-$1-pg
  work=$(mktemp -d "/tmp/schemac-$1.XXXXXX")
  trap '"$root/scripts/pg-test-server.sh" stop "$pgdir" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
  trap 'exit 130' INT TERM
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# probe_while PID COMMAND...: runs COMMAND (with the probe's number, from 1,
# appended) one run after another while process PID lives, as a reader or
# writer of the table a migration changes. Sets `probe_count`, `probe_longest`
# (ms: how long the slowest run was blocked) and `probe_blocked` (runs over 1 s).
probe_while() {
  local pid=$1
  shift
  probe_count=0 probe_longest=0 probe_blocked=0
  while kill -0 "$pid" 2>/dev/null; do
    local p0 took
    p0=$(now_ms)
    probe_count=$((probe_count + 1))
    "$@" "$probe_count"
    took=$(( $(now_ms) - p0 ))
    (( took > probe_longest )) && probe_longest=$took
    (( took > 1000 )) && probe_blocked=$((probe_blocked + 1))
  done
  return 0
}
