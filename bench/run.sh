#!/usr/bin/env bash
# Runs the EdgeKv vs Deno KV benchmark and prints the Markdown table (see bench/README.md).
# Usage: bash bench/run.sh [--quick]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# The Deno binary comes from npm, pinned by bench/package-lock.json.
if [[ ! -x bench/node_modules/@deno/linux-x64-glibc/deno ]]; then
  npm ci --prefix bench --no-audit --no-fund
  chmod +x bench/node_modules/@deno/linux-x64-glibc/deno
fi

dotnet run -c Release --project bench/EdgeKv.Bench -- "$@"
