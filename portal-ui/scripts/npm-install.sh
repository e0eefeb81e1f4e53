#!/bin/sh
# Installs the UI's npm packages at the versions package-lock.json pins, unless node_modules already matches it.
# Not `npm ci`: the lock file holds the optional native packages (Rollup's, esbuild's) of the platforms the registry
# served when it was written, and `npm ci` refuses a lock file without those of every platform; `npm install
# --no-save` installs the pinned versions plus this platform's native package and never rewrites the lock file.
set -e
cd "$(dirname "$0")/.."
if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ] \
   && [ ! package.json -nt node_modules/.package-lock.json ]; then
  echo "portal-ui: node_modules is up to date"
  exit 0
fi
npm install --no-save --no-audit --no-fund --loglevel=error
