#!/usr/bin/env bash
# Runs every EdgeKv test from a fresh clone: installs what the tests need (Chromium, curl and PostgreSQL from Debian,
# the npm packages of the real-client tests, the dotnet tools), then runs the whole solution's tests once.
# Prints a closing line "tests: N passed, N failed, N skipped" and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests drive: Chromium (browser tests), curl (the HTTP API's curl walkthrough) and PostgreSQL's
# server programs (the tests start their own throwaway servers with initdb/pg_ctl; tests/EdgeKv.Testing).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v curl >/dev/null 2>&1 || missing+=(curl)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing ${missing[*]} (Debian packages) for the tests"
    # Only the programs: Debian's package would otherwise create and start a system cluster on port 5432.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/edgekv-tests.conf
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The tests need: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

# Every npm package set the tests use (the benchmark's Deno is not a test dependency: bench/run.sh installs it).
for lock in $(git ls-files '*package-lock.json' ':!bench/*'); do
  echo "== npm ci in $(dirname "$lock")"
  npm ci --prefix "$(dirname "$lock")" --no-audit --no-fund --loglevel=error
done

if [ -f .config/dotnet-tools.json ]; then
  dotnet tool restore >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test EdgeKv.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# dotnet test prints one summary per test assembly; add them up into the one closing line.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) {
         n = $(i+1); gsub(/,/, "", n)
         if ($i == "Failed:")  failed  += n
         if ($i == "Passed:")  passed  += n
         if ($i == "Skipped:") skipped += n
       }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
exit "$status"
