#!/bin/sh
# Installs the UI's npm packages exactly as package-lock.json says (npm ci), unless node_modules already matches it.
set -e
cd "$(dirname "$0")/.."
if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ] \
   && [ ! package.json -nt node_modules/.package-lock.json ]; then
  echo "portal-ui: node_modules is up to date"
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
