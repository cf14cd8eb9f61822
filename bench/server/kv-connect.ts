// One slice of a workload through KV Connect with the real Deno client: Deno.openKv against EdgeKv's HTTP/2
// listener, DENO_KV_ACCESS_TOKEN set by bench/server.sh.
//   deno run --unstable-kv --allow-net=127.0.0.1 --allow-env kv-connect.ts <url> <workload> <seconds> <prefix> <keys>
// Workloads as wrk's (wrk/*.lua): put-1, get-1 (one awaited operation at a time), put-64, get-64, mixed-64 (64
// promises looping at once over the client's one connection). PUTs write fresh one-part keys
// [`<prefix>-<worker>-<n>`], so the durability check can count them back over the HTTP API; GETs read the
// pre-loaded ["k-<i>"] keys, which the HTTP API wrote. Prints one line like wrk's scripts:
//   RESULT {"ok","errors","issued","seconds","rps","p50_ms","p99_ms","error_sample"}
import { keyOf, valueFor } from "./values.ts";

const [url, workload, secondsArg, prefix, keysArg] = Deno.args;
const [kind, workersArg] = workload.split("-");
const workers = Number(workersArg);
const keys = Number(keysArg);
const kv = await Deno.openKv(url);

const randomKey = () => keyOf(Math.floor(Math.random() * keys));
let issued = 0;
let ok = 0;
let errors = 0;
let errorSample = "";
const latencies: number[] = [];

async function put(key: string) {
  await kv.set([key], valueFor(key));
}

async function get(key: string) {
  if ((await kv.get([key])).value === null) throw new Error(`missing ${key}`);
}

// One operation of the workload for a worker's n-th turn.
function operation(worker: number, n: number): Promise<void> {
  switch (kind) {
    case "put": return put(`${prefix}-${worker}-${n}`);
    case "get": return get(randomKey());
    case "mixed": { const key = randomKey(); return Math.random() < 0.1 ? put(key) : get(key); }
    default: throw new Error(`unknown workload ${workload}`);
  }
}

async function worker(id: number, deadline: number) {
  for (let n = 1; performance.now() < deadline; n++) {
    issued++;
    const started = performance.now();
    try {
      await operation(id, n);
      ok++;
      latencies.push(performance.now() - started);
    } catch (error) {
      errors++;
      errorSample ||= String(error).slice(0, 120);
    }
  }
}

// The client's connection and the JIT warmed on reads, untimed (what wrk's connections get from their first request).
for (let i = 0; i < 100; i++) await kv.get([randomKey()]);

const started = performance.now();
const deadline = started + Number(secondsArg) * 1000;
await Promise.all(Array.from({ length: workers }, (_, i) => worker(i + 1, deadline)));
const seconds = (performance.now() - started) / 1000;
kv.close();

latencies.sort((a, b) => a - b);
const percentile = (p: number) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p / 100))] : 0;
const round3 = (value: number) => Math.round(value * 1000) / 1000;
console.log("RESULT " + JSON.stringify({
  ok, errors, issued, seconds: round3(seconds), rps: round3(ok / seconds), p50_ms: round3(percentile(50)), p99_ms: round3(percentile(99)),
  error_sample: errorSample,
}));
