// The Deno KV half of the EdgeKv benchmark (see bench/README.md). EdgeKv.Bench runs it as a child process:
//   deno run --unstable-kv --allow-read --allow-write --allow-env kv-bench.ts <dir> <sets> <atomics> <writers> <perWriter> <chunks>
// It opens Deno.openKv(<dir>/deno.kv) — Deno KV on SQLite: WAL, synchronous left at SQLite's default (FULL) — and
// prints one JSON line {"runtime"}. Then it reads lines "<workload> <chunk>" from stdin, runs that slice of the
// workload exactly as bench/EdgeKv.Bench/EdgeKvWorkload.Operations.cs does, and answers each with one JSON line
// {"name", "ops", "ms"}. Being driven slice by slice lets the harness alternate the two engines every few seconds,
// so both see the same machine load.

const [dir, setsArg, atomicsArg, writersArg, perWriterArg, chunksArg] = Deno.args;
if (!dir || !chunksArg) {
  console.error("usage: kv-bench.ts <dir> <sets> <atomics> <writers> <perWriter> <chunks>");
  Deno.exit(2);
}
const sets = Number(setsArg);
const atomics = Number(atomicsArg);
const writers = Number(writersArg);
const perWriter = Number(perWriterArg);
const chunks = Number(chunksArg);
const warmup = Math.min(500, sets);

// 100 bytes, stored by Deno as a V8-serialized Uint8Array (a few bytes of header on top).
const value = new Uint8Array(100).fill(7);
const kv = await Deno.openKv(`${dir}/deno.kv`);
let summed = false;

// The indexes [from, to) that slice <chunk> of <chunks> covers out of <total> (the same split as BenchPlan.Slice).
function slice(total: number, chunk: number): [number, number] {
  return [Math.floor(total * chunk / chunks), Math.floor(total * (chunk + 1) / chunks)];
}

// Each workload runs one slice and returns how many operations it completed (committed transactions, listed entries).
const workloads: Record<string, (chunk: number) => Promise<number>> = {
  // Every operation once, on keys outside every measured range, so no row is timed while the JIT or the SQLite
  // page cache is cold.
  async warmup() {
    for (let i = 0; i < warmup; i++) await kv.set(["warmup", i], value);
    for (let i = 0; i < warmup; i++) await kv.get(["warmup", i]);
    for await (const _ of kv.list({ prefix: ["warmup"] }));
    for (let i = 0; i < warmup / 10; i++) {
      const current = await kv.get(["warmup", i]);
      await kv.atomic().check(current).set(["warmup", i], value).commit();
      await kv.atomic().sum(["warmup-counter"], 1n).commit();
    }
    return 0;
  },
  async set(chunk) {
    const [from, to] = slice(sets, chunk);
    for (let i = from; i < to; i++) await kv.set(["bench", i], value);
    return to - from;
  },
  async get(chunk) {
    const [from, to] = slice(sets, chunk);
    for (let i = from; i < to; i++) {
      const entry = await kv.get(["bench", i]);
      if (entry.value === null) throw new Error(`missing ["bench", ${i}]`);
    }
    return to - from;
  },
  // One iteration cannot be sliced: the harness runs it as a single chunk.
  async list() {
    let listed = 0;
    for await (const _ of kv.list({ prefix: ["bench"] })) listed++;
    if (listed !== sets) throw new Error(`listed ${listed} of ${sets}`);
    return listed;
  },
  async checkAndSet(chunk) {
    const [from, to] = slice(atomics, chunk);
    let committed = 0;
    for (let i = from; i < to; i++) {
      const key = ["bench", i];
      const current = await kv.get(key);
      const result = await kv.atomic().check({ key, versionstamp: current.versionstamp }).set(key, value).commit();
      if (result.ok) committed++;
    }
    return committed;
  },
  async sum(chunk) {
    const [from, to] = slice(atomics, chunk);
    for (let i = from; i < to; i++) {
      const result = await kv.atomic().sum(["counter"], 1n).commit();
      if (!result.ok) throw new Error("sum did not commit");
    }
    summed = true;
    return to - from;
  },
  // Each writer awaits its own sets one after another; the writers overlap.
  async concurrentSet(chunk) {
    const [from, to] = slice(perWriter, chunk);
    const writer = async (w: number) => {
      for (let j = from; j < to; j++) await kv.set(["writer", w, j], value);
    };
    await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
    return writers * (to - from);
  },
  // Not timed by the harness: checks the sums all landed, then closes the store.
  async close() {
    const counter = await kv.get<Deno.KvU64>(["counter"]);
    if (summed && counter.value?.value !== BigInt(atomics)) throw new Error(`counter is ${counter.value?.value}, not ${atomics}`);
    kv.close();
    return 0;
  },
};

console.log(JSON.stringify({ runtime: `Deno ${Deno.version.deno} (V8 ${Deno.version.v8})` }));

let buffered = "";
for await (const chunk of Deno.stdin.readable.pipeThrough(new TextDecoderStream())) {
  buffered += chunk;
  let newline;
  while ((newline = buffered.indexOf("\n")) >= 0) {
    const [name, chunk] = buffered.slice(0, newline).trim().split(" ");
    buffered = buffered.slice(newline + 1);
    const workload = workloads[name];
    if (!workload) throw new Error(`unknown workload "${name}"`);
    const started = performance.now();
    const ops = await workload(Number(chunk ?? 0));
    console.log(JSON.stringify({ name, ops, ms: performance.now() - started }));
    if (name === "close") Deno.exit(0);
  }
}
