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
