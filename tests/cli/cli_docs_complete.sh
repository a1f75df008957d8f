#!/usr/bin/env bash
# docs/cli.md documents every command and every option, read from the binary's
# own --help, so a new option cannot ship undocumented. A command is documented
# by a `## ` section whose heading names it (`schemac check ...`, or `status` in
# a list); each of its long options must appear in one of its sections, or in
# the section "Options shared by commands".
# Usage: cli_docs_complete.sh SCHEMAC DOCS_CLI_MD
set -euo pipefail
schemac=$1 doc=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
missing=()

# The sections of `cmd`: their text, headings included.
sections_of() {
    awk -v cmd="$1" '
        /^## / { on = (index($0, "`schemac " cmd " ") || index($0, "`schemac " cmd "`") || index($0, "`" cmd "`") ||
                       index($0, "Options shared by commands")) }
        on' "$doc"
}

commands=$("$schemac" --help | awk '/^Subcommands:/ {on=1; next} on && NF {sub(",", "", $1); print $1}')
[ "$(echo "$commands" | wc -w)" -ge 15 ] || fail "could not read the commands from --help: $commands"
for cmd in $commands; do
    text=$(sections_of "$cmd")
    if ! grep -q '^## ' <<<"$text" || ! grep -Eq "^## .*(\`schemac $cmd[ \`]|\`$cmd\`)" <<<"$text"; then
        missing+=("command '$cmd' has no section"); continue
    fi
    for opt in $("$schemac" "$cmd" --help | grep -oE -- '(^|[ ,])--[a-z][a-z-]*' | tr -d ' ,' | sort -u); do
        case $opt in --help) continue ;; esac
        grep -q -- "$opt\b" <<<"$text" || missing+=("option '$opt' of '$cmd'")
    done
done
[ ${#missing[@]} -eq 0 ] || fail "docs/cli.md does not document: $(printf '\n  %s' "${missing[@]}")"
echo "ok: $(echo "$commands" | wc -w) commands"
