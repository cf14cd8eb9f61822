#!/usr/bin/env bash
# A local EdgeKv cluster on 127.0.0.1, no containers (docs/cluster.md): a PostgreSQL primary (Debian's initdb/pg_ctl in
# a data folder), one streaming replica made with pg_basebackup, and two EdgeKv nodes (the built src/EdgeKv.Web) whose
# admin database and KV engine are on the primary, and whose eventual reads the replica serves (ADR 0014).
#
#   bash build/cluster.sh start [--no-build]   make (first time) and start everything; prints the addresses
#   bash build/cluster.sh status               what runs, by the PIDs this script recorded
#   bash build/cluster.sh stop                 stop exactly what start started (by PID; PostgreSQL by pg_ctl)
#   bash build/cluster.sh reset                stop, then delete the cluster's folder
#
# Settings (environment): EDGEKV_CLUSTER_DIR (data/cluster), EDGEKV_CLUSTER_PG_PORT (6010; the replica takes +1),
# EDGEKV_CLUSTER_NODE_PORT (6001: node 1 serves the console/HTTP API on 6001 and KV Connect on 6002, node 2 on
# 6003/6004; their functions URLs on 6005 and 6006), EDGEKV_CLUSTER_ADMIN_PASSWORD (generated on the first start, kept in the folder's admin-password).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir=$(realpath -m "${EDGEKV_CLUSTER_DIR:-data/cluster}")
pg_port=${EDGEKV_CLUSTER_PG_PORT:-6010}
replica_port=$((pg_port + 1))
node_port=${EDGEKV_CLUSTER_NODE_PORT:-6001}
pg_user=edgekv
database=edgekv
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)

# PostgreSQL refuses to run as root: then its programs run as Debian's postgres user, which owns its folders.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg() { local program=$1; shift; as_pg "$bin/$program" "$@"; }

node_url() { echo "http://127.0.0.1:$((node_port + 2 * ($1 - 1)))"; }
kv_url() { echo "http://127.0.0.1:$((node_port + 2 * ($1 - 1) + 1))"; }
# Each node's own functions listener (left at the default 5082, the second node could not start): 6005, 6006.
fn_url() { echo "http://127.0.0.1:$((node_port + 3 + $1))"; }
conn() { echo "Host=127.0.0.1;Port=${1:-$pg_port};Database=$database;Username=$pg_user"; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_postgres() {
  [ -n "$bin" ] || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; exit 1; }
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  if [ ! -d "$dir/primary" ]; then
    pg initdb -D "$dir/primary" -U "$pg_user" --auth=trust --encoding=UTF8 --locale=C --no-instructions >/dev/null
    # Every commit durable before it is acknowledged; WAL kept for the replica; connections for two nodes' pools.
    cat <<EOF | as_pg tee -a "$dir/primary/postgresql.conf" >/dev/null
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$dir'
synchronous_commit = on
wal_level = replica
max_wal_senders = 4
wal_keep_size = 256MB
max_connections = 300
EOF
  fi
  pg pg_ctl -D "$dir/primary" -l "$dir/primary.log" -w -t 60 status >/dev/null 2>&1 \
    || pg pg_ctl -D "$dir/primary" -l "$dir/primary.log" -w -t 60 start >/dev/null
  pg psql -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
    || pg psql -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -qc "CREATE DATABASE $database"

  if [ ! -d "$dir/replica" ]; then
    # -R writes standby.signal and primary_conninfo: the copy starts as a streaming replica of the primary. -c fast:
    # the default (spread) checkpoint it starts from kept a fresh cluster's first start waiting for minutes.
    pg pg_basebackup -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -D "$dir/replica" -R -X stream -c fast
    printf "port = %s\n" "$replica_port" | as_pg tee -a "$dir/replica/postgresql.auto.conf" >/dev/null
  fi
  pg pg_ctl -D "$dir/replica" -l "$dir/replica.log" -w -t 60 status >/dev/null 2>&1 \
    || pg pg_ctl -D "$dir/replica" -l "$dir/replica.log" -w -t 60 start >/dev/null
}

start_node() { # number
  local n=$1 pid="$dir/node$1.pid"
  if alive "$pid"; then echo "node $n already runs (PID $(cat "$pid"))"; return; fi
  mkdir -p "$dir/node$n"
  # The built host, run from the repository's root (its content root, as `dotnet run` makes it), in the background.
  ASPNETCORE_ENVIRONMENT=Production \
  EdgeKv__Storage__Provider=Postgres \
  ConnectionStrings__Admin="$(conn)" \
  ConnectionStrings__KvReplica="$(conn "$replica_port")" \
  EdgeKv__DataDirectory="$dir/node$n" \
  EdgeKv__Admin__Password="$(cat "$dir/admin-password")" \
  Kestrel__Endpoints__Console__Url="$(node_url "$n")" \
  Kestrel__Endpoints__KvConnect__Url="$(kv_url "$n")" \
  Kestrel__Endpoints__Functions__Url="$(fn_url "$n")" \
    nohup dotnet "$root/src/EdgeKv.Web/bin/Release/net10.0/EdgeKv.Web.dll" >"$dir/node$n.log" 2>&1 &
  echo $! >"$pid"
}

wait_ready() { # number
  for _ in $(seq 1 120); do
    curl -fsS "$(node_url "$1")/readyz" >/dev/null 2>&1 && return
    alive "$dir/node$1.pid" || { echo "node $1 stopped; see $dir/node$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "node $1 not ready after 60 s; see $dir/node$1.log" >&2; exit 1
}

stop_node() { # number
  local pid="$dir/node$1.pid"
  if alive "$pid"; then
    kill "$(cat "$pid")"
    for _ in $(seq 1 40); do alive "$pid" || break; sleep 0.25; done
    alive "$pid" && kill -9 "$(cat "$pid")"
  fi
  rm -f "$pid"
}

stop_postgres() { # folder
  [ -d "$dir/$1" ] || return 0
  pg pg_ctl -D "$dir/$1" -w -t 60 status >/dev/null 2>&1 && pg pg_ctl -D "$dir/$1" -m fast -w -t 60 stop >/dev/null
  return 0
}

case "${1:-}" in
  start)
    [ "${2:-}" = "--no-build" ] || dotnet build src/EdgeKv.Web -c Release -nologo -v quiet
    start_postgres
    [ -f "$dir/admin-password" ] || { printf '%s' "${EDGEKV_CLUSTER_ADMIN_PASSWORD:-Cl1-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')}" >"$dir/admin-password"; chmod 600 "$dir/admin-password"; }
    # One node first: it migrates and seeds; the second finds it done (locks make both at once safe too, just slower).
    start_node 1; wait_ready 1
    start_node 2; wait_ready 2
    echo "primary  127.0.0.1:$pg_port (database $database, user $pg_user)   replica 127.0.0.1:$replica_port (streaming; the nodes' eventual reads)"
    echo "node 1   console/HTTP API $(node_url 1)   KV Connect $(kv_url 1)   functions $(fn_url 1)   PID $(cat "$dir/node1.pid")"
    echo "node 2   console/HTTP API $(node_url 2)   KV Connect $(kv_url 2)   functions $(fn_url 2)   PID $(cat "$dir/node2.pid")"
    echo "admin    admin@edgekv.local / $(cat "$dir/admin-password")   logs in $dir"
    ;;
  status)
    for n in 1 2; do
      alive "$dir/node$n.pid" && echo "node $n: PID $(cat "$dir/node$n.pid"), $(node_url "$n"), replica $(curl -fsS "$(node_url "$n")/readyz" 2>/dev/null | grep -o '"replica":{[^}]*}' || echo unknown)" \
        || echo "node $n: stopped"
    done
    for f in primary replica; do
      [ -d "$dir/$f" ] && pg pg_ctl -D "$dir/$f" status >/dev/null 2>&1 && echo "$f: running" || echo "$f: stopped"
    done
    [ -d "$dir/primary" ] && pg psql -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -tAc \
      "SELECT 'replication: ' || state || ', replay lag ' || coalesce(replay_lag::text, '0') FROM pg_stat_replication" 2>/dev/null || true
    ;;
  stop)
    stop_node 2; stop_node 1
    stop_postgres replica; stop_postgres primary
    echo "stopped"
    ;;
  reset)
    "$0" stop
    rm -rf "$dir"
    ;;
  *)
    sed -n '2,15p' "$0"; exit 2 ;;
esac
