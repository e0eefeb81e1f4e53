#!/bin/sh
# Checks that the Node.js and npm that the UI build needs are there, before Maven runs npm.
required_major=20
required_minor=19
hint="Install Node.js ${required_major}.${required_minor} or newer (with npm), or build without the web UI: ./mvnw -Dskip.ui verify"
if ! command -v node >/dev/null 2>&1; then
  echo "portal-ui: Node.js is not on the PATH. $hint" >&2
  exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "portal-ui: npm is not on the PATH. $hint" >&2
  exit 1
fi
version=$(node -p 'process.versions.node')
major=${version%%.*}
rest=${version#*.}
minor=${rest%%.*}
if [ "$major" -lt "$required_major" ] || { [ "$major" -eq "$required_major" ] && [ "$minor" -lt "$required_minor" ]; }; then
  echo "portal-ui: Node.js $version is too old. $hint" >&2
  exit 1
fi
echo "portal-ui: Node.js $version, npm $(npm --version)"
