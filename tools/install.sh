#!/usr/bin/env bash
# Installs what tests and local runs start beside .NET: the PostgreSQL server binaries (postgres.sh)
# and the npm packages of package.json into tools/node_modules. Does nothing when both are already
# there (node_modules matching package-lock.json), so it is cheap to call before every test run.
set -euo pipefail
cd "$(dirname "$0")"

./postgres.sh

stamp=node_modules/.package-lock.json
if [[ -f "$stamp" && ! package.json -nt "$stamp" && ! package-lock.json -nt "$stamp" ]]; then
  exit 0
fi

if [[ -f package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
else
  npm install --no-audit --no-fund --loglevel=error >/dev/null
fi
