#!/usr/bin/env bash
# Installs the pinned test tools of npm/package-lock.json into DIR (in the
# build tree, never globally), once: a second run with the same lock file does
# nothing, so only the first needs the npm registry.
# Usage: npm_install.sh SOURCE_NPM_DIR DIR
set -euo pipefail
src=$1
dir=$2
if ! command -v npm >/dev/null; then
  echo "npm not found: run scripts/setup.sh (it installs Debian's npm)" >&2
  exit 1
fi
mkdir -p "$dir"
if [ -f "$dir/node_modules/.package-lock.json" ] && cmp -s "$src/package-lock.json" "$dir/package-lock.json"; then
  exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dir/"
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error
