# One slice: a system runs a workload for $seconds, and its RESULT line is appended to $work/slices.jsonl with the
# round, the system, the workload and the prefix of the keys its PUTs wrote (sourced by bench/server.sh).

run_slice() {
  local round="$1" system="$2" workload="$3"
  local prefix="r$round-$system-$workload" result
  case "$system" in
    edgekv-http) result="$(wrk_slice edgekv "http://127.0.0.1:$edgekv_console_port" "$workload" "$prefix")" ;;
    etcd) result="$(wrk_slice etcd "http://127.0.0.1:$etcd_client_port" "$workload" "$prefix")" ;;
    edgekv-kvconnect)
      result="$(DENO_KV_ACCESS_TOKEN="$edgekv_token" deno_run --unstable-kv --allow-net=127.0.0.1 --allow-env \
        "$here/kv-connect.ts" "http://127.0.0.1:$edgekv_connect_port/kv/connect/$edgekv_ns" "$workload" "$seconds" "$prefix" "$keys" |
        sed -n 's/^RESULT //p')" ;;
    redis)
      # redis-benchmark has no mixed workload: that cell stays empty.
      [[ "$workload" != mixed-* ]] || return 0
      result="$(redis_slice "$workload")" ;;
  esac
  [[ -n "$result" ]] || { echo "no result from $system $workload (logs in $work)" >&2; return 1; }
  echo "{\"round\":$round,\"system\":\"$system\",\"workload\":\"$workload\",\"prefix\":\"$prefix\",${result#\{}" >>"$work/slices.jsonl"
  printf '  round %s  %-9s %-17s %s\n' "$round" "$workload" "$system" \
    "$(sed 's/.*"rps":\([0-9]*\).*"p50_ms":\([0-9.]*\),"p99_ms":\([0-9.]*\).*/\1\/s  p50 \2 ms  p99 \3 ms/' <<<"$result")" >&2
}

# wrk with the workload's Lua script (wrk/put.lua, get.lua, mixed.lua) against one target (wrk/target_*.lua).
# One connection on one thread, or 64 connections on two threads (one per core of the reference machine).
wrk_slice() {
  local target="$1" url="$2" workload="$3" prefix="$4"
  local kind="${workload%-*}" connections="${workload##*-}"
  local threads=$((connections > 1 ? 2 : 1))
  BENCH_TARGET="$target" BENCH_KEYS="$keys" BENCH_PREFIX="$prefix" LUA_PATH="$here/wrk/?.lua;;" \
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/wrk/$kind.lua" "$url" |
    sed -n 's/^RESULT //p'
}

# redis-benchmark SET or GET over the pre-loaded key space with -c 1 or 64. It counts requests, not seconds: a short
# calibration run sizes the measured one to about $seconds. Its CSV gives rps and latency percentiles.
redis_slice() {
  local workload="$1"
  local kind="${workload%-*}" connections="${workload##*-}"
  local command=$([[ "$kind" = put ]] && echo set || echo get)
  bench() { redis-benchmark -p "$redis_port" -c "$connections" -n "$1" -d 100 -r "$keys" -t "$command" --csv | tail -1 | tr -d '"'; }
  local calibration requests line
  calibration="$(bench 2000 | cut -d, -f2)"
  requests="$(awk -v rps="$calibration" -v s="$seconds" 'BEGIN { printf "%d", rps * s }')"
  line="$(bench "$requests")"
  # test,rps,avg_latency_ms,min_latency_ms,p50_latency_ms,p95_latency_ms,p99_latency_ms,max_latency_ms
  awk -F, -v n="$requests" '{ printf "{\"ok\":%d,\"errors\":0,\"issued\":%d,\"seconds\":%.3f,\"rps\":%s,\"p50_ms\":%s,\"p99_ms\":%s,\"error_sample\":\"\"}", n, n, n / $2, $2, $5, $7 }' <<<"$line"
}
