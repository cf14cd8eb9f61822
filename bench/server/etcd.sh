# etcd 3.4 (Debian's etcd-server), one member on 127.0.0.1 (sourced by bench/server.sh; uses $work). Defaults
# otherwise: every put is fsynced to its WAL before it is acknowledged, and its backend commits in batches.
etcd_client_port=5403
etcd_peer_port=5404
etcd_pid=""

etcd_start() {
  local client="http://127.0.0.1:$etcd_client_port" peer="http://127.0.0.1:$etcd_peer_port"
  etcd --name bench --data-dir "$work/etcd" \
    --listen-client-urls "$client" --advertise-client-urls "$client" \
    --listen-peer-urls "$peer" --initial-advertise-peer-urls "$peer" --initial-cluster "bench=$peer" \
    --logger zap --log-level warn >>"$work/etcd.log" 2>&1 &
  etcd_pid=$!
  wait_for "etcd" 30 curl -sf "$client/health"
}

etcd_crash() {
  kill -9 "$etcd_pid" && wait "$etcd_pid" 2>/dev/null || true
  etcd_pid=""
}

etcd_stop() {
  if [[ -n "$etcd_pid" ]]; then kill "$etcd_pid" 2>/dev/null && wait "$etcd_pid" 2>/dev/null || true; fi
  etcd_pid=""
}

etcd_version() {
  echo "etcd $(etcd --version | sed -n 's/^etcd Version: //p') (Go $(etcd --version | sed -n 's/^Go Version: go//p'))"
}
