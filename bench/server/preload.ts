// Writes the key space the GET and mixed workloads read (k-0 … k-(count-1), 100-byte values) into EdgeKv and etcd,
// then counts it back in each, so no GET row is ever measured on misses. Redis is pre-loaded by bench/server.sh.
//   deno run --allow-net=127.0.0.1 --allow-env preload.ts <count>
import { edgekv, etcdStore } from "./stores.ts";
import { keyOf, valueFor } from "./values.ts";

const count = Number(Deno.args[0] ?? 10_000);
const pairs = Array.from({ length: count }, (_, i): [string, Uint8Array] => [keyOf(i), valueFor(keyOf(i))]);
await edgekv.putAll(pairs);
await etcdStore.putAll(pairs);

const [inEdgeKv, inEtcd] = [await edgekv.count("k-"), await etcdStore.count("k-")];
if (inEdgeKv !== count || inEtcd !== count) {
  throw new Error(`pre-load incomplete: EdgeKv lists ${inEdgeKv} keys, etcd counts ${inEtcd}, expected ${count}`);
}
console.log(`pre-loaded ${count} keys of 100 bytes into EdgeKv and etcd`);
