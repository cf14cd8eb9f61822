#!/usr/bin/env bash
# The fault figures of docs/cluster.md, against a running local cluster (bash build/cluster.sh start): concurrent curl
# writers, each PUTting fresh keys (<run>-<node>-<writer>-<n>, the key as its value) and noting every acknowledged one;
# then a fault; then every acknowledged key read back strongly through a node that stayed up. Prints the counts.
#
#   bash build/cluster-faults.sh kill-node         writers through nodes 1 and 2; kill -9 of node 1 mid-load
#   bash build/cluster-faults.sh restart-primary   writers through node 1; pg_ctl restart -m immediate of the primary
#
# Writes go to a namespace "faults" of the admin, with a read-write token made on the first run by the domain's own
# token service (bench/EdgeKv.Bench.Token, built when missing) and kept in the cluster's folder (faults-target);
# EDGEKV_NS and EDGEKV_TOKEN name another. Settings: EDGEKV_FAULT_WRITERS (16 per node), EDGEKV_FAULT_SECONDS (5:
# before and after the fault), and cluster.sh's EDGEKV_CLUSTER_DIR / EDGEKV_CLUSTER_PG_PORT / EDGEKV_CLUSTER_NODE_PORT.
# The curl writers stay under the per-token limit (1,000 a second per node). After kill-node, start node 1 again
# with: bash build/cluster.sh start --no-build
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(realpath -m "${EDGEKV_CLUSTER_DIR:-data/cluster}")
node_port=${EDGEKV_CLUSTER_NODE_PORT:-6001}
writers=${EDGEKV_FAULT_WRITERS:-16}
seconds=${EDGEKV_FAULT_SECONDS:-5}
pg_port=${EDGEKV_CLUSTER_PG_PORT:-6010}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
run=$(date +%s)
work=$(mktemp -d)
trap 'stop_writers; rm -rf "$work"' EXIT
writer_pids=()

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
node_url() { echo "http://127.0.0.1:$((node_port + 2 * ($1 - 1)))"; }
api() { echo "$(node_url "$1")/api/v1/namespaces/$EDGEKV_NS/values"; }

# One writer: PUT after PUT, each bounded by --max-time (a hung node shows as 000, not as a hung script); the status
# of every attempt goes to <name>.status, every acknowledged key to <name>.acked.
writer() { # node name
  local n=0 key code
  while [ ! -f "$work/stop" ]; do
    n=$((n + 1)); key="$run-$2-$n"
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X PUT "$(api "$1")/$key" \
      -H "Authorization: Bearer $EDGEKV_TOKEN" -H 'Content-Type: text/plain' --data "$key" || true)
    echo "$code" >>"$work/$2.status"
    if [ "$code" = 200 ]; then echo "$key" >>"$work/$2.acked"; else sleep 0.05; fi
  done
}

start_writers() { # node label
  for w in $(seq 1 "$writers"); do
    : >"$work/$2-$w.acked"; : >"$work/$2-$w.status"
    writer "$1" "$2-$w" & writer_pids+=($!)
  done
}

stop_writers() {
  touch "$work/stop" 2>/dev/null || true
  for pid in "${writer_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  writer_pids=()
}

# The namespace and token of the runs: made once (the token by the domain's service, with the nodes' configuration;
# the namespace over node 1's HTTP API) and kept, so repeated runs do not use up the admin's namespace limit.
provision() {
  if [ -n "${EDGEKV_NS:-}" ] && [ -n "${EDGEKV_TOKEN:-}" ]; then return; fi
  if [ ! -s "$dir/faults-target" ]; then
    local tool=bench/EdgeKv.Bench.Token/bin/Release/net10.0/EdgeKv.Bench.Token.dll token created ns
    [ -f "$tool" ] || dotnet build bench/EdgeKv.Bench.Token -c Release -nologo -v q >/dev/null
    token=$(EdgeKv__Storage__Provider=Postgres \
      ConnectionStrings__Admin="Host=127.0.0.1;Port=$pg_port;Database=edgekv;Username=edgekv" \
      EdgeKv__DataDirectory="$dir/node1" EdgeKv__Admin__Password="$(cat "$dir/admin-password")" dotnet "$tool")
    created=$(curl -sS --fail-with-body -X POST "$(node_url 1)/api/v1/namespaces" \
      -H "Authorization: Bearer $token" -H "Content-Type: application/json" --data '{"name":"faults"}')
    ns=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$created")
    [ -n "$ns" ] || { echo "could not create the namespace: $created" >&2; exit 1; }
    (umask 077; echo "$ns $token" >"$dir/faults-target")
  fi
  read -r EDGEKV_NS EDGEKV_TOKEN <"$dir/faults-target"
}

count() { cat "$work"/$1 2>/dev/null | wc -l; }
statuses() { cat "$work"/$1 2>/dev/null | sort | uniq -c | awk '{printf "%s%s x %s", sep, $1, $2; sep=", "} END {print ""}'; }

# Every acknowledged key read through <node>, key by key (one curl for all, from a config file of URLs): the ones not
# answered 200 with their own value are lost.
lost_through() { # node label-glob
  cat "$work"/$2.acked 2>/dev/null | sort >"$work/check" || true
  [ -s "$work/check" ] || { echo 0; return; }
  awk -v base="$(api "$1")" 'BEGIN { print "write-out = \" %{http_code}\\n\"" } { printf "url = \"%s/%s?type=text\"\n", base, $1 }' "$work/check" >"$work/urls"
  curl -s --max-time 600 -H "Authorization: Bearer $EDGEKV_TOKEN" -K "$work/urls" >"$work/read" || true
  # Each answer is one line: the value (the key itself) and the status.
  awk '$2 == 200 { print $1 }' "$work/read" | sort >"$work/present"
  comm -23 "$work/check" "$work/present" | wc -l
}

case "${1:-}" in
  kill-node|restart-primary) curl -fsS "$(node_url 1)/readyz" >/dev/null || { echo "node 1 is not ready: bash build/cluster.sh start" >&2; exit 1; }
                             provision ;;
esac

case "${1:-}" in
  kill-node)
    pid=$(cat "$dir/node1.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null || { echo "node 1 does not run: bash build/cluster.sh start" >&2; exit 1; }
    start_writers 1 a; start_writers 2 b
    sleep "$seconds"
    a_before=$(count 'a-*.acked'); kill -9 "$pid"; echo "kill -9 of node 1 (PID $pid) after ${seconds} s, $writers writers per node"
    sleep "$seconds"
    stop_writers
    echo "acknowledged via node 1: $(count 'a-*.acked') ($a_before when killed); attempts: $(statuses 'a-*.status')"
    echo "acknowledged via node 2: $(count 'b-*.acked'); attempts: $(statuses 'b-*.status')"
    echo "lost (acknowledged, not read back through node 2): $(lost_through 2 '[ab]-*')"
    echo "node 1 is down: bash build/cluster.sh start --no-build"
    ;;
  restart-primary)
    [ -n "$bin" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
    start_writers 1 n
    sleep "$seconds"
    before=$(count 'n-*.acked')
    started=$(date +%s%N)
    as_pg "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -m immediate -w -t 60 restart >/dev/null
    back=$(date +%s%N)
    echo "primary restarted (-m immediate) after ${seconds} s under $writers writers: pg_ctl restart took $(( (back - started) / 1000000 )) ms"
    sleep "$seconds"
    stop_writers
    echo "acknowledged: $(count 'n-*.acked') ($before before the restart); attempts: $(statuses 'n-*.status')"
    echo "lost (acknowledged, not read back through node 1): $(lost_through 1 'n-*')"
    ;;
  *)
    sed -n '2,16p' "$0"; exit 2 ;;
esac
