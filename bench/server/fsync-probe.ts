// The disk's floor for one durable commit, measured as bench/EdgeKv.Bench/DiskProbe.cs does for bench/run.sh: the
// median of 101 overwrites of 4 KiB, each followed by fsync, in the folder the servers keep their data in.
//   deno run --allow-read --allow-write fsync-probe.ts <dir>   → prints the median in ms
const path = `${Deno.args[0]}/fsync-probe`;
const file = Deno.openSync(path, { write: true, create: true, truncate: true });
const block = new Uint8Array(4096);
file.writeSync(block);
file.syncSync();
const samples: number[] = [];
for (let i = 0; i < 101; i++) {
  const started = performance.now();
  file.seekSync(0, Deno.SeekMode.Start);
  file.writeSync(block);
  file.syncSync();
  samples.push(performance.now() - started);
}
file.close();
Deno.removeSync(path);
samples.sort((a, b) => a - b);
console.log(samples[50].toFixed(2));
