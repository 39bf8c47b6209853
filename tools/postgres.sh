#!/usr/bin/env bash
# Makes sure the PostgreSQL server binaries (initdb, pg_ctl, postgres) are on this machine: the tests
# start their own throwaway server from them (tests/Pipeline.Host.Tests/Postgres/PostgresServer.cs).
# On Debian they come from the postgresql package, under /usr/lib/postgresql/<version>/bin, which is
# not on PATH. Installs the package with apt-get when neither place has initdb; needs root or sudo.
set -euo pipefail

if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null; then
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "tools/postgres.sh: PostgreSQL is not installed and installing it needs root or sudo (apt-get install postgresql)" >&2
  exit 1
fi

echo "tools/postgres.sh: installing PostgreSQL (apt-get install postgresql) for the tests" >&2
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
