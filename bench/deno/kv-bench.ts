// The Deno KV half of the EdgeKv benchmark (see bench/README.md). EdgeKv.Bench runs it as a child process:
//   deno run --unstable-kv --allow-read --allow-write --allow-env kv-bench.ts <dir> <sets> <atomics> <writers> <perWriter>
// It runs the same workload as bench/EdgeKv.Bench/EdgeKvWorkload.cs against Deno.openKv(<dir>/deno.kv) — Deno KV
// on SQLite, WAL, synchronous left at SQLite's default (FULL) — and prints one JSON object on stdout.

type Measurement = { name: string; ops: number; ms: number };

const [dir, setsArg, atomicsArg, writersArg, perWriterArg] = Deno.args;
if (!dir || !perWriterArg) {
  console.error("usage: kv-bench.ts <dir> <sets> <atomics> <writers> <perWriter>");
  Deno.exit(2);
}
const sets = Number(setsArg);
const atomics = Number(atomicsArg);
const writers = Number(writersArg);
const perWriter = Number(perWriterArg);
const warmup = Math.min(500, sets);

// 100 bytes, stored by Deno as a V8-serialized Uint8Array (a few bytes of header on top).
const value = new Uint8Array(100).fill(7);

async function measure(name: string, ops: number, body: () => Promise<number | void>): Promise<Measurement> {
  const started = performance.now();
  const counted = await body();
  const ms = performance.now() - started;
  return { name, ops: typeof counted === "number" ? counted : ops, ms };
}

const kv = await Deno.openKv(`${dir}/deno.kv`);
const results: Measurement[] = [];

// Run every operation on keys outside every measured range first, so no row is timed while the JIT or the SQLite
// page cache is cold; EdgeKv does the same.
for (let i = 0; i < warmup; i++) await kv.set(["warmup", i], value);
for (let i = 0; i < warmup; i++) await kv.get(["warmup", i]);
for await (const _ of kv.list({ prefix: ["warmup"] }));
for (let i = 0; i < warmup / 10; i++) {
  const current = await kv.get(["warmup", i]);
  await kv.atomic().check(current).set(["warmup", i], value).commit();
  await kv.atomic().sum(["warmup-counter"], 1n).commit();
}

results.push(await measure("set", sets, async () => {
  for (let i = 0; i < sets; i++) await kv.set(["bench", i], value);
}));

results.push(await measure("get", sets, async () => {
  for (let i = 0; i < sets; i++) {
    const entry = await kv.get(["bench", i]);
    if (entry.value === null) throw new Error(`missing ["bench", ${i}]`);
  }
}));

results.push(await measure("list", sets, async () => {
  let listed = 0;
  for await (const _ of kv.list({ prefix: ["bench"] })) listed++;
  if (listed !== sets) throw new Error(`listed ${listed} of ${sets}`);
  return listed;
}));

results.push(await measure("checkAndSet", atomics, async () => {
  let committed = 0;
  for (let i = 0; i < atomics; i++) {
    const key = ["bench", i];
    const current = await kv.get(key);
    const result = await kv.atomic().check({ key, versionstamp: current.versionstamp }).set(key, value).commit();
    if (result.ok) committed++;
  }
  return committed;
}));

results.push(await measure("sum", atomics, async () => {
  for (let i = 0; i < atomics; i++) {
    const result = await kv.atomic().sum(["counter"], 1n).commit();
    if (!result.ok) throw new Error("sum did not commit");
  }
}));

results.push(await measure("concurrentSet", writers * perWriter, async () => {
  const writer = async (w: number) => {
    for (let j = 0; j < perWriter; j++) await kv.set(["writer", w, j], value);
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
}));

const counter = await kv.get<Deno.KvU64>(["counter"]);
if (counter.value?.value !== BigInt(atomics)) throw new Error(`counter is ${counter.value?.value}, not ${atomics}`);
kv.close();

console.log(JSON.stringify({ runtime: `Deno ${Deno.version.deno} (V8 ${Deno.version.v8})`, results }));
