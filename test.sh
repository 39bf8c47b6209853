#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need beside the .NET SDK first
# (npm packages under tools/), so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"

if [ -x tools/install.sh ]; then
  tools/install.sh
fi

dotnet build Pipeline.sln -c Release -nologo -v quiet
dotnet test Pipeline.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "${TEST_RESULTS_DIR:-TestResults}" "$@"
