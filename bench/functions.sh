#!/usr/bin/env bash
# The functions benchmark: a hello-world function and the guide's counter through EdgeKv's functions URL, side by side
# in one run with the same code on a bare Deno.serve (the same Deno binary: the runtime's own ceiling) and on
# miniflare (Cloudflare's local Workers runtime, workerd), and EdgeKv's listener answering no function at all (the
# ceiling of anything behind it) and the hello file on a Deno.serve doing the least a design without that listener would
# (direct-ceiling.ts: each project's process owning its socket); then EdgeKv's cold start (the first request after a deploy).
# Prints a Markdown table with ratios and leaves it in bench/results/ (see bench/README.md, "Functions benchmark").
# Usage: bash bench/functions.sh [--rounds N] [--seconds S] [--connections C] [--ports FIRST]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
here="$root/bench/functions"

rounds=3        # each workload is measured once per round per system; the table reports medians over rounds
seconds=5       # one slice: one system running one workload
connections=32  # wrk's connections (two threads)
colds=5         # deploys whose first request is timed
first_port=5740 # six ports from here: console, KV Connect, functions, bare Deno, miniflare, direct Deno (+10 for the counter's)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --ports) first_port="$2"; shift 2 ;;
    *) echo "usage: bash bench/functions.sh [--rounds N] [--seconds S] [--connections C] [--ports FIRST]" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null 2>&1 || { echo "The benchmark needs wrk (apt-get install wrk)" >&2; exit 1; }
# EdgeKv's Deno (its build installs it) runs the bare Deno.serve too; miniflare and workerd come from npm, pinned.
dotnet build "$root/src/EdgeKv.Functions" -c Release --nologo -v q >/dev/null
deno="$root/src/EdgeKv.Functions/node_modules/@deno/linux-x64-glibc/deno"
[[ -d "$here/node_modules/miniflare" ]] || npm ci --prefix "$here" --no-audit --no-fund --loglevel=error

console_port=$first_port; connect_port=$((first_port + 1)); functions_port=$((first_port + 2))
deno_port=$((first_port + 3)); miniflare_port=$((first_port + 4)); direct_port=$((first_port + 5))
for port in $console_port $connect_port $functions_port $deno_port $miniflare_port $direct_port; do
  if ss -ltnH "sport = :$port" | grep -q .; then echo "port $port is in use; the benchmark needs $first_port-$direct_port (and +10 for the second function's Deno and miniflare)" >&2; exit 1; fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/edgekv-functions-bench.XXXXXX")"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() {
  local name="$1" timeout="$2"; shift 2
  for ((i = 0; i < timeout * 10; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "$name did not become ready within ${timeout}s (logs in $work)" >&2
  return 1
}

echo "== publishing EdgeKv.Web (Release) and the provisioning tool"
publish="$root/artifacts/bench-functions/edgekv"
dotnet publish "$root/src/EdgeKv.Web" -c Release -o "$publish" --nologo -v q >/dev/null
dotnet build "$root/bench/EdgeKv.Bench.Token" -c Release --nologo -v q >/dev/null

export Kestrel__Endpoints__Console__Url="http://127.0.0.1:$console_port"
export Kestrel__Endpoints__KvConnect__Url="http://127.0.0.1:$connect_port"
export Kestrel__Endpoints__Functions__Url="http://127.0.0.1:$functions_port"
export ConnectionStrings__Admin="Data Source=$work/edgekv/admin.db"
export EdgeKv__DataDirectory="$work/edgekv/kv"
export EdgeKv__Admin__Password="Bench-$RANDOM-Adm1n!"
export EdgeKv__RateLimits__AccessToken__PermitLimit=1000000000
export EdgeKv__Functions__DenoPath="$deno"
export EdgeKv__Functions__WorkDirectory="$work/edgekv/functions"
export Logging__LogLevel__Default=Warning
mkdir -p "$work/edgekv"
read -r token hello_project counter_project < <(dotnet "$root/bench/EdgeKv.Bench.Token/bin/Release/net10.0/EdgeKv.Bench.Token.dll" functions)

echo "== starting EdgeKv, bare Deno.serve and miniflare on 127.0.0.1 (data in $work)"
(cd "$publish" && exec dotnet EdgeKv.Web.dll) >>"$work/edgekv.log" 2>&1 &
pids+=($!)
wait_for "EdgeKv" 60 curl -sf "http://127.0.0.1:$console_port/readyz"

deploy() { # deploy <project> <file>: the file as functions/index.js, over the HTTP API
  local body
  body=$(node -e 'process.stdout.write(JSON.stringify({ files: { "index.js": require("fs").readFileSync(process.argv[1], "utf8") } }))' "$1")
  curl -sS --fail-with-body -o /dev/null -X POST "http://127.0.0.1:$console_port/api/v1/projects/$2/deployments" \
    -H "Authorization: Bearer $token" -H "Content-Type: application/json" --data "$body"
}
edgekv_url() { echo "http://p$1.localhost:$functions_port/"; }

# Cold start: a new deployment's first request starts its process (module graph check, Deno start, modules loaded).
cold=()
for ((i = 0; i < colds; i++)); do
  deploy "$here/hello.js" "$hello_project"
  cold+=("$(curl -sS -o /dev/null -w '%{time_total}' "$(edgekv_url "$hello_project")")")
done
deploy "$here/counter.js" "$counter_project"

# The same two files on bare Deno (one process each) and on miniflare (one instance each).
# wrk resolves names with the C library, which knows no *.localhost: it calls the listener with the project's Host.
declare -A url host
url[edgekv/hello]="http://127.0.0.1:$functions_port/"; host[edgekv/hello]="p$hello_project.localhost:$functions_port"
url[edgekv/counter]="http://127.0.0.1:$functions_port/"; host[edgekv/counter]="p$counter_project.localhost:$functions_port"
# The floor of any design that puts EdgeKv's listener in front of the runtime: the same listener answering a host that
# names no project (404 at the head of the pipeline; no function, no process, no frame).
url[listener/hello]="http://127.0.0.1:$functions_port/"; host[listener/hello]="localhost:$functions_port"
port=$deno_port
for fn in hello counter; do
  (cd "$here" && exec "$deno" run --quiet --unstable-kv --allow-net=127.0.0.1 --allow-read --allow-write bare-deno.ts "$fn.js" "$port" "$work/deno-$fn.sqlite3") >>"$work/deno.log" 2>&1 &
  pids+=($!)
  url[deno/$fn]="http://127.0.0.1:$port/"
  wait_for "Deno.serve" 30 curl -sf "${url[deno/$fn]}"
  port=$((port + 10))
done
# The other design's ceiling (ADR 0009): the runtime owning the visitor's socket, with routing and the limits in it.
(cd "$here" && exec "$deno" run --quiet --allow-net=127.0.0.1 --allow-read direct-ceiling.ts hello.js "$direct_port") >>"$work/deno.log" 2>&1 &
pids+=($!)
url[direct/hello]="http://127.0.0.1:$direct_port/"
wait_for "direct Deno.serve" 30 curl -sf "${url[direct/hello]}"
port=$miniflare_port
for fn in hello counter; do
  (cd "$here" && exec node miniflare.mjs "$fn.js" "$port" "$work/miniflare-$fn") >>"$work/miniflare.log" 2>&1 &
  pids+=($!)
  url[miniflare/$fn]="http://127.0.0.1:$port/"
  wait_for "miniflare" 60 curl -sf "${url[miniflare/$fn]}"
  port=$((port + 10))
done

# wrk's latency figures in ms, whatever unit it printed.
to_ms() { awk '{ v = $1; if (v ~ /us$/) printf "%.3f", v / 1000; else if (v ~ /ms$/) printf "%.3f", v + 0; else if (v ~ /s$/) printf "%.3f", v * 1000; }' <<<"$1"; }
results="$work/slices.tsv"
systems=(edgekv deno miniflare listener direct)
turn=0
for ((round = 1; round <= rounds; round++)); do
  for fn in hello counter; do
    for ((i = 0; i < ${#systems[@]}; i++)); do
      system="${systems[(turn + i) % ${#systems[@]}]}"
      [[ -n "${url[$system/$fn]:-}" ]] || continue
      out="$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency ${host[$system/$fn]:+-H "Host: ${host[$system/$fn]}"} "${url[$system/$fn]}")"
      rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
      p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
      p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
      errors="$(awk '/Non-2xx|Socket errors/ { print }' <<<"$out" | tr '\n' ' ')"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$system" "$fn" "$rps" "$p50" "$p99" "$errors" >>"$results"
      echo "   round $round $fn $system: $rps req/s, p50 $p50 ms, p99 $p99 ms ${errors}" >&2
      sleep 1
    done
    turn=$((turn + 1))
  done
done

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
stat() { awk -F'\t' -v s="$1" -v f="$2" -v c="$3" '$2 == s && $3 == f { print $c }' "$results" | median; }
mkdir -p "$root/bench/results"
stamp="$(date +%Y%m%d-%H%M%S)"
report="$root/bench/results/functions-$stamp.md"
{
  echo "# EdgeKv functions benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "| function | system | requests/s | p50 ms | p99 ms | throughput vs bare Deno |"
  echo "|---|---|---:|---:|---:|---:|"
  for fn in hello counter; do
    base="$(stat deno "$fn" 4)"
    for system in edgekv deno miniflare listener direct; do
      [[ -n "${url[$system/$fn]:-}" ]] || continue
      rps="$(stat "$system" "$fn" 4)"
      printf '| %s | %s | %.0f | %.2f | %.2f | %s |\n' "$fn" \
        "$(case $system in edgekv) echo "EdgeKv functions URL" ;; deno) echo "bare Deno.serve" ;; miniflare) echo "miniflare (workerd)" ;; listener) echo "EdgeKv's listener alone (404, no function)" ;; direct) echo "Deno.serve with routing and limits (no listener in front)" ;; esac)" \
        "$rps" "$(stat "$system" "$fn" 5)" "$(stat "$system" "$fn" 6)" "$(awk -v a="$rps" -v b="$base" 'BEGIN { printf "%.0f %%", 100 * a / b }')"
    done
  done
  echo
  sorted_cold="$(printf '%s\n' "${cold[@]}" | sort -g)"
  echo "EdgeKv cold start (deploy, then the first request, which starts the project's process), ${colds} deploys:" \
    "median $(awk '{ print $1 * 1000 }' <<<"$sorted_cold" | median | xargs printf '%.0f') ms," \
    "max $(tail -1 <<<"$sorted_cold" | awk '{ printf "%.0f", $1 * 1000 }') ms."
  echo
  echo "- Machine: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), nproc $(nproc); wrk runs on the same cores"
  echo "- Load average (1, 5, 15 min) at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- EdgeKv $(git -C "$root" rev-parse --short HEAD) (Release), functions by host p<id>.localhost on the functions listener; $("$deno" --version | head -1) for EdgeKv and bare Deno (Deno KV for my_kv); miniflare $(node -p 'require(process.argv[1]).version' "$here/node_modules/miniflare/package.json") on Node $(node --version)"
  echo "- $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2) -t2 -c${connections}, ${rounds} round(s) × ${seconds} s per system and function, medians over rounds; systems take turns"
} >"$report"
cp "$results" "$root/bench/results/functions-$stamp.tsv"
cat "$report"
echo
echo "(saved to bench/results/functions-$stamp.md, and every slice to functions-$stamp.tsv)"
