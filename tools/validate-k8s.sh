#!/usr/bin/env bash
# Validates deploy/k8s and the Dockerfile (tools/validate-k8s.mjs), installing the npm packages
# under tools/ first when they are missing. Exits non-zero with one line per problem.
set -euo pipefail
tools="$(cd "$(dirname "$0")" && pwd)"

if [[ -x "$tools/install.sh" ]]; then
  "$tools/install.sh"
else
  for package in yaml ajv kubernetes-models dockerfile-utils dockerfile-ast; do
    if [[ ! -d "$tools/node_modules/$package" ]]; then
      (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
      break
    fi
  done
fi
exec node "$tools/validate-k8s.mjs" "$@"
