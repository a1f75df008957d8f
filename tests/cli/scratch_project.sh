# Sourced by the cli workflow tests (`source .../scratch_project.sh SCHEMAC`):
# $schemac, a scratch project directory to work in (removed on exit), a fixed
# migration date, pass/fail, and the default migrations directory.
schemac=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export SCHEMAC_DATE=2026-01-02
n=0
pass() { n=$((n + 1)); }
fail() { echo "FAIL: $*" >&2; exit 1; }
dir=generated/migrations
