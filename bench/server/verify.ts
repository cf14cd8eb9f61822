// The durability check, run after bench/server.sh has killed EdgeKv and etcd with SIGKILL and started them again on
// the same data: every PUT they acknowledged during the measured slices must be there.
//   deno run --allow-net=127.0.0.1 --allow-env --allow-read verify.ts <slices.jsonl> <keys>
// Each PUT slice wrote fresh keys <prefix>-<thread>-<n>: `ok` of them were acknowledged and at most `issued` were
// sent, so the keys found under the prefix must number at least `ok` (fewer: an acknowledged write was lost) and at
// most `issued`. A one-client slice's writes are acknowledged in order, so its last acknowledged key is read back and
// compared byte for byte. The pre-loaded key space must be whole. Exits 1 on any loss.
import { readSlices } from "./slices.ts";
import { edgekv, etcdStore } from "./stores.ts";
import { valueFor } from "./values.ts";

const [slicesPath, keysArg] = Deno.args;
const stores: Record<string, typeof edgekv> = { "edgekv-http": edgekv, "edgekv-kvconnect": edgekv, etcd: etcdStore };
const equal = (a: Uint8Array | null, b: Uint8Array) => a !== null && a.length === b.length && a.every((x, i) => x === b[i]);

let lost = 0;
let acknowledged = 0;
for (const slice of await readSlices(slicesPath)) {
  const store = stores[slice.system];
  if (!store || !slice.workload.startsWith("put-")) continue;
  const found = await store.count(`${slice.prefix}-`);
  const last = `${slice.prefix}-1-${slice.ok}`;
  const lastIntact = slice.workload !== "put-1" || slice.ok === 0 || equal(await store.get(last), valueFor(last));
  const good = found >= slice.ok && found <= slice.issued && lastIntact;
  acknowledged += slice.ok;
  if (!good) lost++;
  console.log(`${good ? "ok  " : "LOST"} ${slice.system} ${slice.workload} round ${slice.round}: ${slice.ok} acknowledged, ` +
    `${found} found, ${slice.issued} sent${lastIntact ? "" : `; ${last} missing or changed`}`);
}

const keys = Number(keysArg);
for (const [name, store] of [["EdgeKv", edgekv], ["etcd", etcdStore]] as const) {
  const found = await store.count("k-");
  if (found !== keys) lost++;
  console.log(`${found === keys ? "ok  " : "LOST"} ${name} pre-loaded key space: ${found} of ${keys} keys`);
}

console.log(lost === 0
  ? `durability: all ${acknowledged} acknowledged PUTs found after SIGKILL and restart`
  : `durability: FAILED, ${lost} check(s) found acknowledged writes missing`);
Deno.exit(lost === 0 ? 0 : 1);
