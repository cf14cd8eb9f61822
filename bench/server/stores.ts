// EdgeKv's HTTP API and etcd's JSON gateway, as the pre-load and the durability check reach them. Addresses and the
// token come from the environment bench/server.sh exports (EDGEKV_URL, EDGEKV_NS, EDGEKV_TOKEN, ETCD_URL).
import { base64 } from "./values.ts";

const need = (name: string) => Deno.env.get(name) ?? (() => { throw new Error(`${name} is not set`); })();
const edgekvBase = () => `${need("EDGEKV_URL")}/api/v1/namespaces/${need("EDGEKV_NS")}`;
const auth = () => ({ Authorization: `Bearer ${need("EDGEKV_TOKEN")}` });
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Throws with the response's body when the status is not 2xx, so a failed step says why. */
async function checked(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

// The key just after every key starting with `prefix`: etcd's range_end for a prefix.
function prefixEnd(prefix: string): Uint8Array {
  const bytes = utf8(prefix);
  bytes[bytes.length - 1]++;
  return bytes;
}

async function etcd(path: string, body: unknown) {
  return await (await checked(await fetch(`${need("ETCD_URL")}${path}`, { method: "POST", body: JSON.stringify(body) }), `etcd ${path}`)).json();
}

export const edgekv = {
  /** One PUT /bulk: every pair in one atomic commit. */
  async putAll(pairs: [string, Uint8Array][]) {
    await checked(await fetch(`${edgekvBase()}/bulk`, {
      method: "PUT",
      headers: { ...auth(), "Content-Type": "application/json" },
      body: JSON.stringify(pairs.map(([key, value]) => ({ key, value: base64(value), base64: true }))),
    }), "EdgeKv PUT /bulk");
  },

  /** How many keys start with `prefix`, by the key listing (pages of 1,000). */
  async count(prefix: string): Promise<number> {
    let counted = 0;
    let cursor = "";
    for (;;) {
      const query = `prefix=${encodeURIComponent(prefix)}&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = await (await checked(await fetch(`${edgekvBase()}/keys?${query}`, { headers: auth() }), "EdgeKv GET /keys")).json();
      counted += page.keys.length;
      if (page.complete) return counted;
      cursor = page.cursor;
    }
  },

  /** The value's bytes, or null when the key is missing. */
  async get(key: string): Promise<Uint8Array | null> {
    const response = await fetch(`${edgekvBase()}/values/${encodeURIComponent(key)}`, { headers: auth() });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    return new Uint8Array(await (await checked(response, "EdgeKv GET /values")).arrayBuffer());
  },
};

export const etcdStore = {
  /** Transactions of 128 puts: etcd's default --max-txn-ops. */
  async putAll(pairs: [string, Uint8Array][]) {
    for (let i = 0; i < pairs.length; i += 128) {
      const success = pairs.slice(i, i + 128).map(([key, value]) => ({ request_put: { key: base64(utf8(key)), value: base64(value) } }));
      await etcd("/v3/kv/txn", { success });
    }
  },

  async count(prefix: string): Promise<number> {
    const range = await etcd("/v3/kv/range", { key: base64(utf8(prefix)), range_end: base64(prefixEnd(prefix)), count_only: true });
    return Number(range.count ?? 0);
  },

  async get(key: string): Promise<Uint8Array | null> {
    const range = await etcd("/v3/kv/range", { key: base64(utf8(key)) });
    const value = range.kvs?.[0]?.value;
    return value === undefined ? null : Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
  },
};
