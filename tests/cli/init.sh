#!/usr/bin/env bash
# `schemac init`: a project that checks and diffs at once, the dev database
# named after the directory, a .gitignore line added once, and nothing
# overwritten — a refusal writes nothing at all.
# Usage: init.sh SCHEMAC
set -euo pipefail
schemac=$(realpath "$1")
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$work"
snapshot() { find "$1" -printf '%p %s %m\n' | sort; find "$1" -type f -exec cat {} + | sha256sum; }

# A new directory, with parents: every file, a schema that checks, a first diff.
"$schemac" init "deep/My-Shop.v2" 2>err || fail "init: $(cat err)"
p=deep/My-Shop.v2
for f in schemac.yaml schema/users.yaml .gitignore; do [ -f "$p/$f" ] || fail "init did not write $f"; done
[ -d "$p/migrations" ] || fail "init did not create migrations/"
grep -q 'url: postgresql:///my_shop_v2_dev ' "$p/schemac.yaml" || fail "the dev database is not named after the directory: $(cat "$p/schemac.yaml")"
grep -q 'url_env: PRODUCTION_DATABASE_URL' "$p/schemac.yaml" || fail "production does not read its URL from the environment"
grep -q '^    protected: true ' "$p/schemac.yaml" || fail "production is not protected"
[ "$(cat "$p/.gitignore")" = "$(printf '# build output, with the C++ that schemac_generate() writes\n/build/')" ] ||
    fail ".gitignore: $(cat "$p/.gitignore")"
(cd "$p" && git init -q && mkdir -p build && touch build/x && git check-ignore -q build/x) || fail "git does not ignore build/"
grep -q "^  cd $p\$" err || fail "the next steps do not say where to cd: $(cat err)"
(cd "$p" && "$schemac" diff -m "create users" >/dev/null 2>&1) || fail "diff in a new project"
[ -f "$p/migrations/0001_create_users.up.sql" ] || fail "diff did not write into migrations/"
(cd "$p" && "$schemac" check >/dev/null 2>&1) || fail "check after the first diff"

# Before the first diff, check names the missing migration (exit 1).
"$schemac" init fresh 2>/dev/null
if (cd fresh && "$schemac" check >/dev/null 2>"$work/err"); then fail "check passed with no migration"; fi
grep -q "^migrations: error: no migration holds the schema yet" "$work/err" || fail "check before diff: $(cat "$work/err")"

# Refusals: an existing schemac.yaml, a non-empty schema/ or migrations/; nothing written.
for case in config schema migrations; do
    d=refuse-$case
    mkdir -p "$d"
    case $case in
        config) echo "schema: db" > "$d/schemac.yaml" ;;
        schema) mkdir "$d/schema" && echo "tables: {}" > "$d/schema/mine.yaml" ;;
        migrations) mkdir "$d/migrations" && echo "-- mine" > "$d/migrations/0001_x.up.sql" ;;
    esac
    before=$(snapshot "$d")
    if "$schemac" init "$d" 2>err; then fail "init overwrote an existing $case"; fi
    grep -q "not overwriting an existing project" err || fail "refusal ($case): $(cat err)"
    grep -q "nothing was written" err || fail "refusal ($case) does not say nothing was written: $(cat err)"
    [ "$(snapshot "$d")" = "$before" ] || fail "a refused init ($case) changed the directory"
done

# Empty schema/ and migrations/ directories are not in the way.
mkdir -p empty/schema empty/migrations
"$schemac" init empty 2>/dev/null || fail "init refused empty directories"

# The current directory, an existing .gitignore: the line is appended once.
mkdir here && cd here
printf 'node_modules/' > .gitignore   # no final newline
"$schemac" init 2>err || fail "init in the current directory: $(cat err)"
grep -q "^added '/build/' to .gitignore" err || fail "the appended line is not reported: $(cat err)"
[ "$(sed -n 1p .gitignore)" = "node_modules/" ] && [ "$(sed -n 3p .gitignore)" = "/build/" ] ||
    fail ".gitignore was not appended to: $(cat .gitignore)"
if grep -q '^  cd' err; then fail "init in the current directory says to cd"; fi
grep -q 'url: postgresql:///here_dev ' schemac.yaml || fail "the dev database is not named after the current directory"
rm -r schemac.yaml schema
"$schemac" init 2>/dev/null || fail "second init after removing the project"
[ "$(grep -c '^/build/' .gitignore)" = 1 ] || fail "the .gitignore line was added twice"
cd ..

# --dialect sqlite: an SQLite project whose example checks and diffs, and the
# migration is SQLite's; a dialect schemac does not know is refused.
"$schemac" init lite --dialect sqlite 2>err || fail "init --dialect sqlite: $(cat err)"
grep -q '^dialect: sqlite' lite/schemac.yaml || fail "no dialect in the SQLite project: $(cat lite/schemac.yaml)"
grep -q 'url: sqlite:lite_dev.db' lite/schemac.yaml || fail "the dev database is not an SQLite file: $(cat lite/schemac.yaml)"
if grep -q 'createdb' err; then fail "an SQLite project is told to createdb: $(cat err)"; fi
(cd lite && "$schemac" diff -m "create users" >/dev/null 2>&1 && "$schemac" check >/dev/null 2>&1) || fail "the SQLite example does not diff and check"
grep -q 'id INTEGER NOT NULL' lite/migrations/0001_create_users.up.sql || fail "the SQLite migration: $(cat lite/migrations/0001_create_users.up.sql)"
if "$schemac" init other --dialect mysql 2>err; then fail "init --dialect mysql"; fi
[ ! -e other ] || fail "a refused dialect created the directory"

# A file in the way of DIR; an unwritable directory leaves nothing behind.
touch afile
if "$schemac" init afile 2>err; then fail "init into a file"; fi
grep -q "afile exists and is not a directory" err || fail "init into a file: $(cat err)"
if [ "$(id -u)" != 0 ]; then
    mkdir locked && chmod a-w locked
    if "$schemac" init locked 2>err; then fail "init into a read-only directory"; fi
    [ -z "$(ls -A locked)" ] || fail "a failed init left files: $(ls -A locked)"
fi
echo "ok"
