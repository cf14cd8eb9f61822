// Turns the run's slices into the Markdown table: per system and workload, the median over rounds of throughput, of
// p50 and of p99 latency, and EdgeKv's throughput over etcd's.
//   deno run --allow-read report.ts <slices.jsonl>
import { readSlices, Slice } from "./slices.ts";

const slices = await readSlices(Deno.args[0]);

const workloads: [string, string][] = [
  ["put-1", "1 client, sequential PUT"],
  ["get-1", "1 client, sequential GET"],
  ["put-64", "64 connections, PUT"],
  ["get-64", "64 connections, GET"],
  ["mixed-64", "64 connections, 90 % GET / 10 % PUT"],
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

interface Row { rps: number; p50: number; p99: number; errors: number; rounds: number }

function row(system: string, workload: string): Row | undefined {
  const mine = slices.filter((s: Slice) => s.system === system && s.workload === workload);
  if (mine.length === 0) return undefined;
  return {
    rps: median(mine.map((s) => s.rps)),
    p50: median(mine.map((s) => s.p50_ms)),
    p99: median(mine.map((s) => s.p99_ms)),
    errors: mine.reduce((sum, s) => sum + s.errors, 0),
    rounds: mine.length,
  };
}

const ms = (value: number) => value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toString();
const cell = (r?: Row) => !r ? "—" :
  `${Math.round(r.rps).toLocaleString("en-US")}/s (${ms(r.p50)} / ${ms(r.p99)} ms)${r.errors ? ` ⚠ ${r.errors} errors` : ""}`;
const ratio = (a?: Row, b?: Row) => a && b && b.rps > 0 ? (a.rps / b.rps).toFixed(2) : "—";

console.log("| workload | EdgeKv HTTP API | EdgeKv KV Connect (Deno) | etcd 3.4 HTTP gateway | EdgeKv HTTP / etcd | KV Connect / etcd | Redis 7, RESP (reference) |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const [workload, title] of workloads) {
  const [http, connect, etcd, redis] = ["edgekv-http", "edgekv-kvconnect", "etcd", "redis"].map((system) => row(system, workload));
  console.log(`| ${title} | ${cell(http)} | ${cell(connect)} | ${cell(etcd)} | ${ratio(http, etcd)} | ${ratio(connect, etcd)} | ${cell(redis)} |`);
}

const rounds = Math.max(...slices.map((s) => s.round));
console.log();
console.log(`Each cell: operations per second (p50 / p99 latency), the median of ${rounds} round(s) of one slice each. ` +
  "EdgeKv HTTP and etcd are driven by the same wrk Lua scripts; KV Connect by Deno's own client (Deno.openKv); " +
  "Redis by redis-benchmark over its own protocol (a different tool: a reference point, not a peer). A ratio above 1 means EdgeKv is faster.");

const failed = slices.filter((s) => s.errors > 0);
for (const s of failed) {
  console.log(`- ⚠ ${s.system} ${s.workload} round ${s.round}: ${s.errors} errors, e.g. ${s.error_sample}`);
}
