#!/usr/bin/env bash
# Mistyped commands and options get one error line with a "did you mean"
# (exit 2); `schemac help CMD` is `schemac CMD --help`; every command's help
# ends with an example of itself.
# Usage: typos.sh /path/to/schemac
set -uo pipefail
schemac=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Arguments (split on spaces) | exit code | the one line expected on stderr.
while IFS='|' read -r args code line; do
  rc=0
  # shellcheck disable=SC2086
  "$schemac" $args >out 2>err || rc=$?
  [ "$rc" = "$code" ] || fail "'$args': exit $rc, expected $code"
  [ "$(cat err)" = "$line" ] || fail "'$args': stderr was: $(cat err)"
  [ ! -s out ] || fail "'$args' printed on stdout: $(cat out)"
done <<'EOF'
chek|2|schemac: error: unknown command 'chek'; did you mean 'check'?
genrate --list|2|schemac: error: unknown command 'genrate'; did you mean 'generate'?
migrat|2|schemac: error: unknown command 'migrat'; did you mean 'migrate'?
check --formt json|2|schemac: error: unknown option '--formt' for 'schemac check'; did you mean '--format'?
check --formt=json|2|schemac: error: unknown option '--formt' for 'schemac check'; did you mean '--format'?
diff --mesage x|2|schemac: error: unknown option '--mesage' for 'schemac diff'; did you mean '--message'?
status --jsno|2|schemac: error: unknown option '--jsno' for 'schemac status'; did you mean '--json'?
apply --dry-rn|2|schemac: error: unknown option '--dry-rn' for 'schemac apply'; did you mean '--dry-run'?
rollback --step 2|2|schemac: error: unknown option '--step' for 'schemac rollback'; did you mean '--steps'?
generate --namespce x|2|schemac: error: unknown option '--namespce' for 'schemac generate'; did you mean '--namespace'?
import --outt x|2|schemac: error: unknown option '--outt' for 'schemac import'; did you mean '--out'?
--verson|2|schemac: error: unknown option '--verson' for 'schemac'; did you mean '--version'?
check --zzzzzz|2|schemac: error: unknown option '--zzzzzz' for 'schemac check'; see 'schemac check --help'
check -q|2|schemac: error: unknown option '-q' for 'schemac check'; see 'schemac check --help'
help chek|2|schemac: error: unknown command 'chek'; did you mean 'check'?
EOF

# The commands, as the general help lists them ("apply, migrate" is one with an alias).
mapfile -t rows < <("$schemac" --help | sed -n '/^Subcommands:/,$p' | sed -n 's/^  \([a-z-]*\(, [a-z-]*\)*\)  .*/\1/p')
commands=()
for row in "${rows[@]}"; do
  read -r -a words <<<"${row//,/ }"
  commands+=("${words[@]}")
done
[ "${#commands[@]}" -ge 10 ] || fail "could not read the commands from --help: ${rows[*]}"

# A word far from every command lists them all.
rc=0
"$schemac" xyzzy >out 2>err || rc=$?
[ "$rc" = 2 ] || fail "xyzzy: exit $rc"
[ "$(wc -l <err)" = 1 ] || fail "xyzzy: more than one line: $(cat err)"
grep -q "^schemac: error: unknown command 'xyzzy'; the commands are init, check, " err || fail "xyzzy: $(cat err)"
for c in "${commands[@]}"; do
  grep -Eq "[ ,]$c(,|\$)" err || fail "xyzzy: '$c' not listed: $(cat err)"
done

# `help` is `--help`, for the program and for every command.
"$schemac" help >help.out 2>&1 || fail "help: exit $?"
"$schemac" --help >flag.out 2>&1 || fail "--help: exit $?"
cmp -s help.out flag.out || fail "'help' differs from '--help': $(diff help.out flag.out)"
for c in "${commands[@]}"; do
  "$schemac" help "$c" >help.out 2>&1 || fail "help $c: exit $?"
  "$schemac" "$c" --help >flag.out 2>&1 || fail "$c --help: exit $?"
  cmp -s help.out flag.out || fail "'help $c' differs from '$c --help': $(diff help.out flag.out)"
  grep -q "^Usage: schemac " flag.out || fail "$c --help: usage does not name schemac: $(head -2 flag.out)"
  # The example runs this very command: `Example: schemac apply ...` (an alias shows its command's).
  name=$(sed -n 's/^Usage: schemac \([^ ]*\).*/\1/p' flag.out)
  grep -Eq "^Example: schemac $name( |\$)" flag.out || fail "$c --help has no 'Example: schemac $name' line"
  # ... with options the command has.
  while read -r option; do
    grep -v '^Example:' flag.out | grep -Eq -- "(^|[ ,])$option( |\$|=|,)" || fail "$c --help: the example uses '$option', which it does not list"
  done < <(sed -n 's/^Example: //p' flag.out | grep -oE -- '--[a-z-]+')
done

[ "$failures" = 0 ] || { echo "$failures failures" >&2; exit 1; }
echo "typos: ok"
