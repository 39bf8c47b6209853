#!/usr/bin/env bash
# Installs the npm packages that tests and local runs start beside .NET (package.json) into
# tools/node_modules. Does nothing when node_modules already matches package-lock.json, so it is
# cheap to call before every test run.
set -euo pipefail
cd "$(dirname "$0")"

stamp=node_modules/.package-lock.json
if [[ -f "$stamp" && ! package.json -nt "$stamp" && ! package-lock.json -nt "$stamp" ]]; then
  exit 0
fi

if [[ -f package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
else
  npm install --no-audit --no-fund --loglevel=error >/dev/null
fi
