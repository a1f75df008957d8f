#!/usr/bin/env bash
# Compares what two schemac binaries write, byte for byte: the check that a
# refactoring changed no behaviour. Inputs: the example schema (plan from
# empty, both ways; generate), every migration case of tests/cases (plan up
# and down) and random schema pairs (plan both ways and from empty; generate).
#
# Usage: scripts/compare-outputs.sh OLD_SCHEMAC NEW_SCHEMAC WRITE_RANDOM_SCHEMA [SEEDS]
#   WRITE_RANDOM_SCHEMA: build/tests/codegen/write_random_schema; SEEDS: default 200.
# An old binary: git worktree add /tmp/old REF && cmake -S /tmp/old -B /tmp/old/build -G Ninja
#   && ninja -C /tmp/old/build schemac
set -euo pipefail
old=$(realpath "$1") new=$(realpath "$2") rand=$(realpath "$3") seeds=${4:-200}
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
compared=0 differ=0

# Runs `schemac ARGS` with both binaries (stdout, stderr and exit code) and compares.
same() {
    local label=$1; shift
    local a b
    a=$( (cd "$work" && "$old" "$@" 2>&1; echo "exit $?") )
    b=$( (cd "$work" && "$new" "$@" 2>&1; echo "exit $?") )
    compared=$((compared + 1))
    if [ "$a" != "$b" ]; then
        differ=$((differ + 1))
        echo "DIFFERS: $label (schemac $*)"
        diff <(echo "$a") <(echo "$b") | head -20 || true   # head may close the pipe early
    fi
}
# Generates into two directories and compares the messages and the trees
# (a schema both refuse writes no tree).
same_generate() {
    local label=$1 schema=$2 a b
    rm -rf "$work/gen_old" "$work/gen_new"
    a=$( (cd "$work" && "$old" generate "$schema" --out gen_old --no-migrations --allow-unmigrated 2>&1; echo "exit $?") | sed 's/gen_old/OUT/g')
    b=$( (cd "$work" && "$new" generate "$schema" --out gen_new --no-migrations --allow-unmigrated 2>&1; echo "exit $?") | sed 's/gen_new/OUT/g')
    mkdir -p "$work/gen_old" "$work/gen_new"
    compared=$((compared + 1))
    if [ "$a" != "$b" ] || ! diff -r "$work/gen_old" "$work/gen_new" >/dev/null 2>&1; then
        differ=$((differ + 1))
        echo "DIFFERS: $label (generate)"
        diff <(echo "$a") <(echo "$b") | head -10 || true
        diff -r "$work/gen_old" "$work/gen_new" | head -20 || true
    fi
}

same "example: plan" plan --to "$src/schema"
same "example: plan down" plan --to "$src/schema" --down
same_generate "example" "$src/schema"
for case in "$src"/tests/cases/*/; do
    name=$(basename "$case")
    from=()
    [ -f "$case/from.yaml" ] && from=(--from "$case/from.yaml")
    same "case $name" plan "${from[@]}" --to "$case/to.yaml" --allow-destructive
    same "case $name down" plan "${from[@]}" --to "$case/to.yaml" --allow-destructive --down
done
for ((seed = 1; seed <= seeds; seed++)); do
    "$rand" "$seed" "$work/b.yaml" "$work/a.yaml"
    same "seed $seed" plan --from "$work/a.yaml" --to "$work/b.yaml" --allow-destructive
    same "seed $seed back" plan --from "$work/b.yaml" --to "$work/a.yaml" --allow-destructive
    same "seed $seed from empty" plan --to "$work/b.yaml"
    same_generate "seed $seed" "$work/b.yaml"
done
echo "$compared comparisons, $differ differ"
[ "$differ" = 0 ]
