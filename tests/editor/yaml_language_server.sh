#!/usr/bin/env bash
# yaml-language-server, given the JSON Schemas `schemac schema-json` prints,
# finds no error in the example schema and its config, finds the errors of a
# set of bad inputs at the same line and column as `schemac check` does, and
# shows each key's description on hover and a closed set's words as completion.
# Usage: yaml_language_server.sh SCHEMAC NODE_MODULES SOURCE_DIR
set -uo pipefail
schemac=$1
server=$2/yaml-language-server/bin/yaml-language-server
src=$3
here=$src/tests/editor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
command -v node >/dev/null || { echo "FAIL: node not found: run scripts/setup.sh (it installs Debian's nodejs)" >&2; exit 1; }
check() { node "$here/yaml_ls_check.js" "$server" "$@"; }

"$schemac" schema-json schema >"$work/schema.json" || fail "schema-json schema"
"$schemac" schema-json config >"$work/config.json" || fail "schema-json config"

cd "$src" || exit 1
# schema/d1 is a project of its own: its schemac.yaml is a config file.
mapfile -t example < <(find schema -name '*.yaml' ! -name schemac.yaml | sort)
out=$(check "$work/schema.json" "${example[@]}")
[ -z "$out" ] || fail "the example schema has errors:"$'\n'"$out"
out=$(check "$work/config.json" schemac.yaml schema/d1/schemac.yaml)
[ -z "$out" ] || fail "the example schemac.yaml has errors:"$'\n'"$out"
# And what `schemac init` writes for a new project.
(cd "$work" && "$schemac" init fresh 2>/dev/null) || fail "init"
out=$(cd "$work/fresh" && check "$work/schema.json" schema/users.yaml && check "$work/config.json" schemac.yaml)
[ -z "$out" ] || fail "the files of schemac init have errors:"$'\n'"$out"

# Golden bad inputs of `schemac check` whose mistakes are shapes and keys.
cases=(003_file_not_a_mapping 007_unknown_key_file 008_unknown_key_table 009_unknown_key_column
       010_unknown_key_index 011_unknown_key_foreign_key 012_unknown_key_seed 013_unknown_key_hypertable
       014_unknown_key_enum 017_primary_key_scalar 018_indexes_as_map 019_wrong_shapes 039_index_method_errors
       070_identity_errors 150_query_keys_and_sql 152_query_result_shapes 270_flow_style_comma_in_type)
cd "$src/tests/golden/check" || exit 1
files=()
for c in "${cases[@]}"; do mapfile -t -O "${#files[@]}" files < <(find "$c/schema" -name '*.yaml' | sort); done
check "$work/schema.json" "${files[@]}" >"$work/actual.txt"
(cd "$here/cases" && check "$work/config.json" bad_config/schemac.yaml) >>"$work/actual.txt"
# Hover text and completion at a key, and at the values of two closed sets.
(cd "$here/cases" && check "$work/schema.json" hover/schema.yaml@6:9 hover/schema.yaml@7:19 hover/schema.yaml@10:17) >>"$work/actual.txt"
# SCHEMAC_UPDATE=1 rewrites expected.txt (see tests/README.md): review the diff.
[ "${SCHEMAC_UPDATE:-}" = 1 ] && cp "$work/actual.txt" "$here/expected.txt"
diff -u "$here/expected.txt" "$work/actual.txt" >&2 || fail "yaml-language-server's diagnostics differ from tests/editor/expected.txt"

# Every schema-file diagnostic is where schemac check puts an error.
while IFS= read -r line; do
  c=${line%%/*}
  at=$(cut -d: -f1-3 <<<"${line#*/}")
  grep -q "^$at: error:" "$c/expected.txt" || fail "no error of schemac check at $c/$at: $line"
done < <(grep -v '^bad_config/\|^hover/' "$work/actual.txt")
# And every config diagnostic is where schemac puts one (it reads the config before connecting).
(cd "$here/cases" && "$schemac" status --config bad_config/schemac.yaml) 2>"$work/config_errors.txt"
while IFS= read -r line; do
  at=$(cut -d: -f1-3 <<<"$line")
  grep -q "^$at: error:" "$work/config_errors.txt" || fail "no error of schemac at $at: $line"
done < <(grep '^bad_config/' "$work/actual.txt")
[ "$(grep -c . "$work/actual.txt")" -ge 30 ] || fail "too few diagnostics: $(cat "$work/actual.txt")"

[ "$failures" -eq 0 ] || exit 1
echo "ok"
