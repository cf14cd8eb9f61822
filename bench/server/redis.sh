# Redis 7 (Debian's redis-server) as a reference point: append-only file with appendfsync always, so a write is
# fsynced before it is answered, as in EdgeKv and etcd; no RDB snapshots (sourced by bench/server.sh; uses $work).
redis_port=5405
redis_pid=""

redis_start() {
  mkdir -p "$work/redis"
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$work/redis" \
    --appendonly yes --appendfsync always --save "" --daemonize no --logfile "$work/redis.log" &
  redis_pid=$!
  wait_for "Redis" 30 redis-cli -p "$redis_port" ping
}

redis_stop() {
  if [[ -n "$redis_pid" ]]; then kill "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null || true; fi
  redis_pid=""
}

redis_version() {
  echo "Redis $(redis-server --version | grep -o 'v=[0-9.]*' | cut -c3-) (appendonly yes, appendfsync always)"
}

# The key space redis-benchmark's -r reads (key:000000000000 … ), 100-byte values as its -d 100 writes them.
redis_preload() {
  local count="$1" value
  value="$(printf 'x%.0s' $(seq 100))"
  seq 0 $((count - 1)) | awk -v v="$value" '{ printf "SET key:%012d %s\n", $1, v }' | redis-cli -p "$redis_port" --pipe >/dev/null
  [[ "$(redis-cli -p "$redis_port" dbsize)" = "$count" ]] || { echo "Redis pre-load incomplete" >&2; return 1; }
}
