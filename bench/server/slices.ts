// One measured slice, as bench/server.sh appends it to slices.jsonl: who, what, which round, and the RESULT line of
// wrk's scripts, kv-connect.ts or the redis-benchmark wrapper.
export interface Slice {
  round: number;
  system: string; // edgekv-http, edgekv-kvconnect, etcd, redis
  workload: string; // put-1, get-1, put-64, get-64, mixed-64
  prefix: string; // the PUT workload's fresh keys: <prefix>-<thread or worker>-<n>
  ok: number; // answered successfully (acknowledged, for a PUT)
  errors: number;
  issued: number; // sent (or started), an upper bound on what a PUT slice may have written
  seconds: number;
  rps: number; // ok / seconds
  p50_ms: number;
  p99_ms: number;
  error_sample: string;
}

export async function readSlices(path: string): Promise<Slice[]> {
  return (await Deno.readTextFile(path)).split("\n").filter((line) => line.trim()).map((line) => JSON.parse(line));
}
