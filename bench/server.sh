#!/usr/bin/env bash
# The server benchmark: EdgeKv's HTTP API and KV Connect against etcd 3.4 over HTTP, with Redis 7 as a reference,
# on this machine, in one interleaved run; then a crash (SIGKILL) and a check that every acknowledged write is there.
# Prints a Markdown table and leaves it in bench/results/ (see bench/README.md, "Server benchmark").
# Usage: bash bench/server.sh [--rounds N] [--seconds S] [--keys K]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
here="$root/bench/server"

rounds=3     # each workload is measured once per round per system; the table reports medians over rounds
seconds=5    # one slice: one system running one workload
keys=10000   # the pre-loaded key space GETs read
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --keys) keys="$2"; shift 2 ;;
    *) echo "usage: bash bench/server.sh [--rounds N] [--seconds S] [--keys K]" >&2; exit 2 ;;
  esac
done

# Debian's servers and load tools, installed when missing (as build/test.sh installs Chromium).
missing=()
command -v etcd >/dev/null 2>&1 || missing+=(etcd-server)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v redis-benchmark >/dev/null 2>&1 || missing+=(redis-tools)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [[ ${#missing[@]} -gt 0 ]]; then
  [[ "$(id -u)" = 0 ]] || { echo "The benchmark needs: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2; exit 1; }
  echo "== installing ${missing[*]} (Debian packages)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The Deno binary comes from npm, pinned by bench/package-lock.json (as bench/run.sh installs it).
deno="$root/bench/node_modules/@deno/linux-x64-glibc/deno"
if [[ ! -x "$deno" ]]; then
  npm ci --prefix "$root/bench" --no-audit --no-fund
  chmod +x "$deno"
fi
deno_run() { DENO_NO_UPDATE_CHECK=1 DENO_NO_PROMPT=1 "$deno" run --quiet "$@"; }

# Every server binds 127.0.0.1 on ports 5401-5405; refuse to start over someone else's.
for port in 5401 5402 5403 5404 5405; do
  if ss -ltnH "sport = :$port" | grep -q .; then echo "port $port is in use; the benchmark needs 5401-5405" >&2; exit 1; fi
done

# Runs "$@" until it succeeds, for at most $2 seconds; fails the run with the server's name otherwise.
wait_for() {
  local name="$1" timeout="$2"; shift 2
  for ((i = 0; i < timeout * 10; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "$name did not become ready within ${timeout}s (logs in $work)" >&2
  return 1
}

work="$(mktemp -d "${TMPDIR:-/tmp}/edgekv-server-bench.XXXXXX")"
source "$here/edgekv.sh"
source "$here/etcd.sh"
source "$here/redis.sh"
source "$here/slices.sh"
# Everything this script started, by PID, and its data folder, whatever way it ends.
cleanup() {
  edgekv_stop; etcd_stop; redis_stop
  rm -rf "$work"
}
trap cleanup EXIT

edgekv_build
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
fsync_before="$(deno_run --allow-read --allow-write "$here/fsync-probe.ts" "$work")"

echo "== starting EdgeKv, etcd and Redis on 127.0.0.1 (data in $work)"
edgekv_environment
edgekv_provision
etcd_start
redis_start
export EDGEKV_URL="http://127.0.0.1:$edgekv_console_port" EDGEKV_NS="$edgekv_ns" EDGEKV_TOKEN="$edgekv_token"
export ETCD_URL="http://127.0.0.1:$etcd_client_port"
deno_run --allow-net=127.0.0.1 --allow-env "$here/preload.ts" "$keys"
redis_preload "$keys"

# Systems take turns, one slice each per workload, the first one changing every time, so all see the same minutes
# of machine load; a second's pause lets a system's background work (checkpoints, compaction) end in its own slice.
systems=(edgekv-http edgekv-kvconnect etcd redis)
workloads=(put-1 get-1 put-64 get-64 mixed-64)
turn=0
for ((round = 1; round <= rounds; round++)); do
  for workload in "${workloads[@]}"; do
    for ((i = 0; i < ${#systems[@]}; i++)); do
      system="${systems[(turn + i) % ${#systems[@]}]}"
      run_slice "$round" "$system" "$workload"
      sleep 1
    done
    turn=$((turn + 1))
  done
done

fsync_after="$(deno_run --allow-read --allow-write "$here/fsync-probe.ts" "$work")"
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "== SIGKILL to EdgeKv and etcd, restart on the same data, read back what they acknowledged"
edgekv_crash
etcd_crash
edgekv_start
etcd_start
set +e
durability="$(deno_run --allow-net=127.0.0.1 --allow-env --allow-read "$here/verify.ts" "$work/slices.jsonl" "$keys")"
durable=$?
set -e

mkdir -p "$root/bench/results"
stamp="$(date +%Y%m%d-%H%M%S)"
report="$root/bench/results/server-$stamp.md"
{
  echo "# EdgeKv server benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  deno_run --allow-read "$here/report.ts" "$work/slices.jsonl"
  echo
  echo "- Machine: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), nproc $(nproc), $(. /etc/os-release && echo "$PRETTY_NAME"); the load tools run on the same cores"
  echo "- Load average (1, 5, 15 min): $load_start at the start, $load_end at the end"
  echo "- Disk: overwrite 4 KiB + fsync, median ${fsync_before} ms before the run and ${fsync_after} ms after (the floor of one durable commit)"
  echo "- $(edgekv_version); access-token rate limit raised to 10^9 a second (the default, 1,000, would be what is measured)"
  echo "- $(etcd_version), one member, default durability (WAL fsync before every acknowledgement)"
  echo "- $(redis_version)"
  echo "- Load: $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), -t1 -c1 or -t2 -c64, --timeout 10s; $("$deno" --version | head -1) (KV Connect client); redis-benchmark $(redis-benchmark --version | cut -d' ' -f2)"
  echo "- ${rounds} round(s) × ${seconds} s slices; ${keys} pre-loaded keys; 100-byte values"
  echo
  echo "Durability (SIGKILL, restart, read back):"
  echo
  echo '```'
  echo "$durability"
  echo '```'
} >"$report"
cp "$work/slices.jsonl" "$root/bench/results/server-$stamp.jsonl"
cat "$report"
echo
echo "(saved to bench/results/server-$stamp.md, and every slice to server-$stamp.jsonl)"

[[ $durable -eq 0 ]] || { echo "DURABILITY CHECK FAILED: an acknowledged write was lost" >&2; exit 1; }
if grep -q '"errors":[1-9]' "$work/slices.jsonl"; then echo "Some requests failed (see the ⚠ lines)" >&2; exit 1; fi
