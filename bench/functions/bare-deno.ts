// The runtime's own ceiling: a function file served by a bare Deno.serve on the same Deno binary EdgeKv runs, with
// my_kv a global over a local Deno KV (SQLite), as the guide's code expects it.
// Usage: deno run --unstable-kv --allow-net=127.0.0.1 --allow-read --allow-write bare-deno.ts <function.js> <port> <kv-file>
const [file, port, kvFile] = Deno.args;
const kv = await Deno.openKv(kvFile);
Object.defineProperty(globalThis, "my_kv", {
  value: {
    get: async (key: string) => (await kv.get<string>([key])).value,
    put: async (key: string, value: string) => { await kv.set([key], value); },
  },
});
const { onRequest } = await import(new URL(file, `file://${Deno.cwd()}/`).href);
Deno.serve({ hostname: "127.0.0.1", port: Number(port), onListen() {} }, (request) => onRequest({ request, params: {}, env: {} }));
