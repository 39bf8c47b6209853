#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need beside the .NET SDK first
# (npm packages under tools/), so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"

if [ -x tools/install.sh ]; then
  tools/install.sh
fi

dotnet build Pipeline.sln -c Release -nologo -v quiet
# A test that hangs is stopped after 10 minutes and reported as failed, by name (no dump).
dotnet test Pipeline.sln -c Release --no-build -nologo \
  --blame-hang-timeout 10m --blame-hang-dump-type none \
  --logger "trx" --results-directory "${TEST_RESULTS_DIR:-TestResults}" "$@"
