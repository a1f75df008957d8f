#!/usr/bin/env bash
# `schemac completion bash` registers a completion that offers exactly the
# commands `schemac --help` lists and, after a command, exactly the options its
# --help lists; the zsh and fish scripts name every command and option too.
# Usage: completion.sh SCHEMAC
set -uo pipefail
schemac=$1
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
sorted() { tr ' ' '\n' | grep . | sort -u | tr '\n' ' '; }

# The commands, as the general help lists them ("apply, migrate" is one with an alias).
help_commands=$("$schemac" --help | sed -n '/^Subcommands:/,$p' | sed -n 's/^  \([a-z-]*\(, [a-z-]*\)*\)  .*/\1/p' | tr ',' ' ' | sorted)
[ "$(wc -w <<<"$help_commands")" -ge 10 ] || fail "could not read the commands from --help: $help_commands"

# shellcheck disable=SC1090
source <("$schemac" completion bash) || fail "the bash script does not load"
complete -p schemac >/dev/null 2>&1 || fail "no completion is registered for schemac"

# What pressing TAB after WORDS... offers.
offered() {
  COMP_WORDS=(schemac "$@")
  COMP_CWORD=$#
  COMPREPLY=()
  _schemac
  printf '%s ' "${COMPREPLY[@]}" | sorted
}
[ "$(offered '')" = "$help_commands" ] || fail "commands offered: $(offered ''); --help lists: $help_commands"
[ "$(offered ch)" = "check " ] || fail "'ch' offered: $(offered ch)"
[ "$(offered help di)" = "diff " ] || fail "'help di' offered: $(offered help di)"
[ "$(offered completion '')" = "bash fish zsh " ] || fail "'completion' offered: $(offered completion '')"

zsh_script=$("$schemac" completion zsh) || fail "completion zsh"
fish_script=$("$schemac" completion fish) || fail "completion fish"
for c in $help_commands; do
  # The options, as the command's help lists them: -m,--message TEXT ...
  options=$("$schemac" "$c" --help | sed -n '/^Options:/,/^$/p' | grep -oE -- '(^|[ ,])--?[a-z][a-z-]*' | tr -d ' ,' | sorted)
  [ -n "$options" ] || fail "$c: could not read the options from --help"
  [ "$(offered "$c" -)" = "$options" ] || fail "$c: options offered: $(offered "$c" -); --help lists: $options"
  grep -q "^        ('$c') _arguments" <<<"$zsh_script" || fail "zsh: no case for $c"
  grep -q -- "-a '$c' -d " <<<"$fish_script" || fail "fish: $c is not offered"
  for o in $options; do
    grep -q "('$c') _arguments.* '$o\[" <<<"$zsh_script" || fail "zsh: $c $o missing"
    if [[ $o == --* ]]; then grep -q "subcommand_from $c'.* -l ${o#--}\b" <<<"$fish_script" || fail "fish: $c $o missing"; fi
  done
done
# Where the shells are installed, their own parsers accept the scripts.
if command -v zsh >/dev/null; then zsh -n <<<"$zsh_script" || fail "zsh -n rejects the script"; fi
if command -v fish >/dev/null; then fish -n <<<"$fish_script" || fail "fish -n rejects the script"; fi

[ "$failures" -eq 0 ] || exit 1
echo "ok"
