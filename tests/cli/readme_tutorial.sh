#!/usr/bin/env bash
# Runs the README's "Your own project in five minutes" as a newcomer would, in
# an empty directory, so the tutorial cannot rot:
#   ```console blocks: each `$ command` runs in one shell (so `cd` carries over);
#     the lines after it are its output (stdout and stderr as a terminal shows
#     them), compared line by line, where `…` stands for any text; a command
#     must exit 0 unless it says `# exits N`.
#   ```yaml / ```sql blocks whose first line is `# PATH` / `-- PATH`: written to PATH.
# Usage: readme_tutorial.sh SCHEMAC PG_SOCKET_DIR README
set -euo pipefail
schemac=$(realpath "$1") pg=$2 readme=$(realpath "$3")
heading="## Your own project in five minutes"
work=$(mktemp -d)
export PGHOST=$pg PGUSER=postgres
unset DATABASE_URL SCHEMAC_DATABASE_URL SCHEMAC_DATE PGDATABASE
dropdb --if-exists shop_dev >/dev/null 2>&1
trap 'dropdb --if-exists shop_dev >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# `schemac` as the reader has it: on PATH, with stdout line-buffered as on a
# terminal, so its lines interleave with stderr's in the order a reader sees.
mkdir "$work/bin" "$work/home"
printf '#!/bin/sh\nexec stdbuf -oL -eL %q "$@"\n' "$schemac" > "$work/bin/schemac"
chmod +x "$work/bin/schemac"
export PATH="$work/bin:$PATH"

section=$(awk -v h="$heading" '$0 == h {on=1; next} on && /^## / {exit} on' "$readme")
[ -n "$section" ] || fail "README has no section '$heading'"

commands=0 files=0 cmd="" expected=() block="" file_lines=()
# A glob that matches `line` literally except that … matches any text.
pattern() {
    local p=$1
    p=${p//\\/\\\\}; p=${p//\*/\\*}; p=${p//\?/\\?}; p=${p//\[/\\[}
    printf '%s' "${p//…/*}"
}
run_pending() {
    [ -n "$cmd" ] || return 0
    commands=$((commands + 1))
    local want=0 rc=0
    if [[ $cmd =~ \#\ exits\ ([0-9]+) ]]; then want=${BASH_REMATCH[1]}; fi
    eval "$cmd" > "$work/out" 2>&1 || rc=$?
    [ "$rc" = "$want" ] || fail "\`$cmd\` exited $rc, the README says $want:
$(cat "$work/out")"
    mapfile -t actual < "$work/out"
    local i ok=1
    [ "${#actual[@]}" = "${#expected[@]}" ] || ok=0
    for ((i = 0; ok && i < ${#expected[@]}; i++)); do
        local a=${actual[i]%"${actual[i]##*[! ]}"} e=${expected[i]%"${expected[i]##*[! ]}"}
        # shellcheck disable=SC2053  # the right side is a glob on purpose
        [[ $a == $(pattern "$e") ]] || ok=0
    done
    [ "$ok" = 1 ] || fail "the output of \`$cmd\` differs from the README
--- README
$(printf '%s\n' "${expected[@]}")
--- actual
$(cat "$work/out")"
    cmd="" expected=()
}

cd "$work/home"
while IFS= read -r line; do
    case "$block" in
        "")
            case "$line" in
                '```console') block=console ;;
                '```yaml' | '```sql') block=file file_lines=() ;;
            esac ;;
        console)
            if [ "$line" = '```' ]; then run_pending; block=""
            elif [[ $line == '$ '* ]]; then run_pending; cmd=${line#'$ '}
            else [ -n "$cmd" ] || fail "output before any command: $line"; expected+=("$line")
            fi ;;
        file)
            if [ "$line" = '```' ]; then
                block=""
                path=${file_lines[0]#'# '}; path=${path#'-- '}
                [ "$path" != "${file_lines[0]}" ] || fail "a file block must start with '# PATH' or '-- PATH': ${file_lines[0]}"
                mkdir -p "$(dirname "$path")"
                printf '%s\n' "${file_lines[@]}" > "$path"
                files=$((files + 1))
            else file_lines+=("$line")
            fi ;;
    esac
done <<< "$section"
[ -z "$block" ] || fail "the section ends inside a code block"
# Guards against a README edit that leaves the parser nothing to run.
[ "$commands" -ge 15 ] || fail "only $commands commands were found in the tutorial"
[ "$files" -ge 3 ] || fail "only $files files were found in the tutorial"
echo "ok: $commands commands and $files files of the README tutorial"
