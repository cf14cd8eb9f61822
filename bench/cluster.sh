#!/usr/bin/env bash
# Cluster benchmark (bench/README.md): 64 clients over the HTTP API against one EdgeKv node and against two nodes on one
# PostgreSQL, durable PUTs and GETs, from build/cluster.sh's local cluster (a primary, its streaming replica, two
# nodes) in a fresh temporary folder, driven by wrk with bench/server/wrk's scripts. Prints a Markdown table.
#
#   bash bench/cluster.sh                          3 rounds of 10 s slices (about 3 minutes after the build)
#   bash bench/cluster.sh --rounds 1 --seconds 3   a sanity check
#   bash bench/cluster.sh --no-build               use the Release build already there
#
# Ports 7401-7406 (the nodes' console/HTTP API, KV Connect and functions URLs) and 7410-7411 (primary, replica) on 127.0.0.1, refused
# when taken. It starts the cluster with build/cluster.sh and stops exactly that cluster (its own folder) however it
# ends. Exits non-zero when a request failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

rounds=3 seconds=10 keys=10000 clients=64 build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --keys) keys=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) sed -n '2,13p' "$0"; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { [[ $(id -u) = 0 ]] && apt-get install -y wrk >/dev/null; } || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
for port in 7401 7402 7403 7404 7405 7406 7410 7411; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port on 127.0.0.1 is taken" >&2; exit 1; fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/edgekv-bench-cluster.XXXXXX")
chmod 755 "$work" # PostgreSQL runs as the postgres user when we are root: it must reach its folder inside.
export EDGEKV_CLUSTER_DIR="$work/cluster" EDGEKV_CLUSTER_PG_PORT=7410 EDGEKV_CLUSTER_NODE_PORT=7401
# The per-token limit (1000 requests a second by default) would otherwise be what the rows measure; the nodes inherit it.
export EdgeKv__RateLimits__AccessToken__PermitLimit=1000000000
cleanup() {
  local status=$?
  bash "$root/build/cluster.sh" stop >/dev/null 2>&1 || echo "could not stop the cluster in $work; see build/cluster.sh status" >&2
  if [[ $status != 0 ]]; then
    # The folder goes with the run: show what the nodes said before it does.
    for log in "$EDGEKV_CLUSTER_DIR"/node*.log; do [[ -f $log ]] && { echo "== tail of $log" >&2; tail -40 "$log" >&2; }; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

node1=http://127.0.0.1:7401 node2=http://127.0.0.1:7403
if [[ $build = 1 ]]; then
  dotnet build src/EdgeKv.Web -c Release -nologo -v quiet
  dotnet build bench/EdgeKv.Bench.Token -c Release -nologo -v quiet
fi
bash build/cluster.sh start --no-build >/dev/null

# The first access token through the domain's own services (EdgeKv.Bench.Token, as bench/server.sh makes it), on the
# cluster's admin database; then the namespace and its pre-loaded key space over the documented HTTP API.
token=$(ConnectionStrings__Admin="Host=127.0.0.1;Port=7410;Database=edgekv;Username=edgekv" EdgeKv__Storage__Provider=Postgres \
  EdgeKv__DataDirectory="$work/token" EdgeKv__Admin__Password="$(cat "$EDGEKV_CLUSTER_DIR/admin-password")" \
  dotnet bench/EdgeKv.Bench.Token/bin/Release/net10.0/EdgeKv.Bench.Token.dll)
created=$(curl -sS --fail-with-body -X POST "$node1/api/v1/namespaces" -H "Authorization: Bearer $token" \
  -H "Content-Type: application/json" --data '{"name":"bench"}')
ns=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$created")
[[ -n "$ns" ]] || { echo "could not create the namespace: $created" >&2; exit 1; }
# k-0 … k-(keys-1), each value the key padded with '.' to 100 bytes (common.lua's value_for), in one bulk commit.
awk -v n="$keys" 'BEGIN { printf "["; for (i = 0; i < n; i++) { k = "k-" i; v = k; while (length(v) < 100) v = v "."; printf "%s{\"key\":\"%s\",\"value\":\"%s\"}", (i ? "," : ""), k, v } printf "]" }' >"$work/preload.json"
loaded=$(curl -sS --fail-with-body -X PUT "$node1/api/v1/namespaces/$ns/bulk" -H "Authorization: Bearer $token" \
  -H "Content-Type: application/json" --data-binary "@$work/preload.json")
grep -q "\"count\":$keys" <<<"$loaded" || { echo "pre-load failed: $loaded" >&2; exit 1; }

# One wrk run: <script> <url> <threads> <connections> <prefix> → its RESULT line's JSON.
run_wrk() {
  (cd bench/server/wrk && BENCH_TARGET=edgekv EDGEKV_NS="$ns" EDGEKV_TOKEN="$token" BENCH_KEYS="$keys" BENCH_PREFIX="$5" \
    LUA_PATH="$PWD/?.lua;;" wrk -t"$3" -c"$4" -d"${seconds}s" --timeout 10s -s "$1" "$2") | sed -n 's/^RESULT //p'
}
field() { sed -n "s/.*\"$2\":\([0-9.]*\).*/\1/p" <<<"$1"; }
ms() { printf '%.1f' "$(field "$1" "$2")"; } # a latency to a tenth of a millisecond

# CPU time (clock ticks) of the given processes so far; and the primary's processes (its postmaster and backends).
# One node's slices also measure the CPU each request costs the node and the primary: the figures that say how reads
# would scale with nodes that have cores of their own, which one 2-core machine cannot show by running them.
cpu_ticks() { local total=0 pid; for pid in "$@"; do [[ -r /proc/$pid/stat ]] && total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done; echo "$total"; }
primary_pids() { local postmaster; postmaster=$(head -1 "$EDGEKV_CLUSTER_DIR/primary/postmaster.pid"); echo "$postmaster" $(pgrep -P "$postmaster"); }
per_request_us() { awk -v t="$1" -v rps="$2" -v s="$seconds" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", t * 1e6 / hz / (rps * s) }'; }

# One slice: a workload (put|get) on one node (64 connections) or two (32 each, both at once). Appends
# "<row> <ok/s> <p50 ms> <p99 ms> <errors> [<node µs> <primary µs>]" to slices.txt.
slice() { # workload nodes round
  local script="$1.lua" row="$1-$2" a b ok errors
  if [[ $2 = 1 ]]; then
    local node_pid node_before primary_before
    node_pid=$(cat "$EDGEKV_CLUSTER_DIR/node1.pid")
    node_before=$(cpu_ticks "$node_pid"); primary_before=$(cpu_ticks $(primary_pids))
    a=$(run_wrk "$script" "$node1" 2 "$clients" "r$3-$row-a")
    local node_ticks=$(( $(cpu_ticks "$node_pid") - node_before )) primary_ticks=$(( $(cpu_ticks $(primary_pids)) - primary_before ))
    printf '%s %s %s %s %s %s %s\n' "$row" "$(field "$a" rps)" "$(ms "$a" p50_ms)" "$(ms "$a" p99_ms)" "$(field "$a" errors)" \
      "$(per_request_us "$node_ticks" "$(field "$a" rps)")" "$(per_request_us "$primary_ticks" "$(field "$a" rps)")" >>"$work/slices.txt"
  else
    run_wrk "$script" "$node1" 1 $((clients / 2)) "r$3-$row-a" >"$work/a.json" &
    local first=$!
    b=$(run_wrk "$script" "$node2" 1 $((clients / 2)) "r$3-$row-b")
    wait "$first"
    a=$(cat "$work/a.json")
    ok=$(awk -v x="$(field "$a" rps)" -v y="$(field "$b" rps)" 'BEGIN { printf "%.1f", x + y }')
    errors=$(( $(field "$a" errors) + $(field "$b" errors) ))
    printf '%s %s %s/%s %s/%s %s\n' "$row" "$ok" "$(ms "$a" p50_ms)" "$(ms "$b" p50_ms)" \
      "$(ms "$a" p99_ms)" "$(ms "$b" p99_ms)" "$errors" >>"$work/slices.txt"
  fi
  sleep 1
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds..." >&2
  # The one-node and two-node slices alternate which goes first, so neither always meets the other's leftovers.
  if (( round % 2 )); then order="1 2"; else order="2 1"; fi
  for workload in put get; do
    for nodes in $order; do slice "$workload" "$nodes" "$round"; done
  done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

label() {
  case "$1" in
    put-1) echo "PUT (fresh 100-byte keys, durable), one node" ;;
    put-2) echo "PUT (fresh 100-byte keys, durable), two nodes" ;;
    get-1) echo "GET (random pre-loaded key), one node" ;;
    get-2) echo "GET (random pre-loaded key), two nodes" ;;
  esac
}
echo
echo "## EdgeKv cluster on one PostgreSQL: $clients clients over the HTTP API"
echo
echo "Median of $rounds round(s) of ${seconds} s by throughput; two nodes: $((clients / 2)) connections to each at once (latency per node)."
echo
echo "| workload | requests/s | p50 ms | p99 ms | errors (all rounds) | CPU µs per request: node / primary |"
echo "|---|---:|---:|---:|---:|---:|"
failed=0
for row in put-1 put-2 get-1 get-2; do
  # The median round by throughput (the upper middle for an even count), with that slice's latencies.
  median=$(awk -v r="$row" '$1 == r' "$work/slices.txt" | sort -k2,2n | awk -v n="$rounds" 'NR == int(n / 2) + 1')
  errors=$(awk -v r="$row" '$1 == r { e += $5 } END { print e + 0 }' "$work/slices.txt")
  (( errors == 0 )) || failed=1
  read -r _ rps p50 p99 _ node_us primary_us <<<"$median"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$(label "$row")" "$(printf '%.0f' "$rps" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')" "$p50" "$p99" "$errors" \
    "${node_us:+$node_us / $primary_us}"
done
echo
echo "- Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load average $load_start at the start, $load_end at the end"
echo "- EdgeKv $(git rev-parse --short HEAD) (Release), two nodes from build/cluster.sh; PostgreSQL $("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/postgres" --version | awk '{print $3}') (synchronous_commit=on) with a streaming replica; wrk on the same cores"
exit $failed
