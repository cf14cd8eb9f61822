// Helpers of the KV Connect test scripts. The C# tests start each script with EDGEKV_URL (the namespace's database
// URL), DENO_KV_ACCESS_TOKEN and, where needed, EDGEKV_ARGS (JSON); a script prints JSON lines on stdout, the last
// being its result.

/** Opens the namespace the test gave, through KV Connect. */
export function openRemote(): Promise<Deno.Kv> {
  return Deno.openKv(Deno.env.get("EDGEKV_URL")!);
}

/** The test's arguments. */
export function args<T>(): T {
  return JSON.parse(Deno.env.get("EDGEKV_ARGS") ?? "{}") as T;
}

/** Prints one JSON line for the test. */
export function print(result: unknown): void {
  console.log(JSON.stringify(result));
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A JSON form of a JS value that keeps its type: strings stay strings, other kinds are tagged. */
export function describe(value: unknown): unknown {
  if (value === null) return null;
  if (value === undefined) return { undefined: true };
  if (typeof value === "bigint") return { bigint: value.toString() };
  if (value instanceof Deno.KvU64) return { u64: value.value.toString() };
  if (value instanceof Uint8Array) return { bytes: hex(value) };
  if (value instanceof Date) return { date: value.toISOString() };
  if (value instanceof Map) return { map: [...value].map(([k, v]) => [describe(k), describe(v)]) };
  if (value instanceof Set) return { set: [...value].map(describe) };
  if (Array.isArray(value)) return value.map(describe);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, describe(v)]));
  }
  return value;
}

export function describeEntry(entry: Deno.KvEntryMaybe<unknown>): unknown {
  return { key: entry.key.map(describe), value: describe(entry.value), versionstamp: entry.versionstamp };
}

/** The error message of a call expected to fail, or null when it succeeded. */
export async function errorOf(call: () => Promise<unknown>): Promise<string | null> {
  try {
    await call();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
