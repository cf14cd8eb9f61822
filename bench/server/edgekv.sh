# EdgeKv, started from its Release publish on 127.0.0.1 (sourced by bench/server.sh; uses $root and $work).
# Configuration is the README's environment variables; the data folder is $work/edgekv, kept across the crash
# restart so the durability check reads what the run wrote.
edgekv_console_port=5401
edgekv_connect_port=5402
edgekv_pid=""
edgekv_publish="$root/artifacts/bench-server/edgekv"

edgekv_build() {
  echo "== publishing EdgeKv.Web (Release) and the token tool"
  dotnet publish "$root/src/EdgeKv.Web" -c Release -o "$edgekv_publish" --nologo -v q >/dev/null
  dotnet build "$root/bench/EdgeKv.Bench.Token" -c Release --nologo -v q >/dev/null
}

# The server's configuration, shared by the token tool so both open the same admin database and data folder.
edgekv_environment() {
  export Kestrel__Endpoints__Console__Url="http://127.0.0.1:$edgekv_console_port"
  export Kestrel__Endpoints__KvConnect__Url="http://127.0.0.1:$edgekv_connect_port"
  export ConnectionStrings__Admin="Data Source=$work/edgekv/admin.db"
  export EdgeKv__DataDirectory="$work/edgekv/kv"
  # Set, so the admin is created with it and no password change is forced (nobody signs in during the run anyway).
  export EdgeKv__Admin__Password="Bench-$RANDOM-Adm1n!"
  # The per-token limit (1000 requests a second by default) would otherwise be what the 64-connection rows measure.
  export EdgeKv__RateLimits__AccessToken__PermitLimit=1000000000
}

# Makes the first access token before the server ever starts (EdgeKv.Bench.Token: the domain's own services), then
# the namespace over the HTTP API with it. Sets edgekv_token and edgekv_ns.
edgekv_provision() {
  mkdir -p "$work/edgekv"
  edgekv_token=$(dotnet "$root/bench/EdgeKv.Bench.Token/bin/Release/net10.0/EdgeKv.Bench.Token.dll")
  edgekv_start
  local created
  created=$(curl -sS --fail-with-body -X POST "http://127.0.0.1:$edgekv_console_port/api/v1/namespaces" \
    -H "Authorization: Bearer $edgekv_token" -H "Content-Type: application/json" --data '{"name":"bench"}')
  edgekv_ns=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$created")
  [[ -n "$edgekv_ns" ]] || { echo "could not create the namespace: $created" >&2; return 1; }
}

edgekv_start() {
  # The publish folder is the content root (appsettings.json beside the binaries); every path is absolute.
  (cd "$edgekv_publish" && exec dotnet EdgeKv.Web.dll) >>"$work/edgekv.log" 2>&1 &
  edgekv_pid=$!
  wait_for "EdgeKv" 60 curl -sf "http://127.0.0.1:$edgekv_console_port/readyz"
}

edgekv_crash() {
  kill -9 "$edgekv_pid" && wait "$edgekv_pid" 2>/dev/null || true
  edgekv_pid=""
}

edgekv_stop() {
  if [[ -n "$edgekv_pid" ]]; then kill "$edgekv_pid" 2>/dev/null && wait "$edgekv_pid" 2>/dev/null || true; fi
  edgekv_pid=""
}

edgekv_version() {
  echo "EdgeKv $(git -C "$root" rev-parse --short HEAD) (Release, $(dotnet --list-runtimes | grep -m1 -o 'Microsoft.NETCore.App [0-9.]*'))"
}
