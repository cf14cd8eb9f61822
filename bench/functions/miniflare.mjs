// Cloudflare's local Workers runtime (miniflare 4, workerd) running the same function file: the Worker's fetch hands
// the request to onRequest with the KV binding as the global my_kv, as the guide's code expects it.
// Usage: node miniflare.mjs <function.js> <port> <persist-dir>
import { readFile } from "node:fs/promises";
import { Miniflare } from "miniflare";

const [file, port, persist] = process.argv.slice(2);
const source = await readFile(file, "utf8");
const mf = new Miniflare({
  modules: true,
  host: "127.0.0.1",
  port: Number(port),
  kvNamespaces: ["my_kv"],
  kvPersist: persist,
  script: `${source}
export default {
  async fetch(request, env) {
    globalThis.my_kv = env.my_kv;
    return onRequest({ request, params: {}, env });
  },
};`,
});
await mf.ready;
console.log("ready");
const stop = async () => { await mf.dispose(); process.exit(0); };
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
