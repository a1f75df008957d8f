#!/usr/bin/env bash
# Errors in schemac.yaml are printed once each, as file:line:col: error:, by
# every command that reads the config: no "schemac: error: ...: error:".
# Usage: config_errors_once.sh /path/to/schemac
set -euo pipefail
schemac=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
printf 'schema: [x]\nbogus: 1\n' > schemac.yaml
for cmd in "status --db host=/nonexistent" "apply --dry-run --db host=/nonexistent" "verify --db host=/nonexistent" "generate --list"; do
  rc=0
  # shellcheck disable=SC2086
  "$schemac" $cmd >out 2>err || rc=$?
  [ "$rc" != 0 ] || fail "$cmd accepted a broken config"
  grep -qx "schemac.yaml:1:9: error: schema must be a string, not a list" err || fail "$cmd: $(cat err)"
  [ "$(grep -c 'error:.*error:' err)" = 0 ] || fail "$cmd printed error: twice on a line: $(cat err)"
  [ "$(grep -c 'schema must be a string' err)" = 1 ] || fail "$cmd printed the error more than once: $(cat err)"
done
"$schemac" status --json >out 2>err && fail "status --json accepted a broken config"
grep -q '"message":"schemac.yaml has 2 errors:\\nschemac.yaml:1:9: error: schema must be a string' out || fail "status --json: $(cat out err)"
echo "config errors once: ok"
