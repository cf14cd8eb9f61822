// Helpers of the Node client test scripts; see ../deno/_shared.ts for the conventions (EDGEKV_URL, EDGEKV_TOKEN,
// EDGEKV_ARGS in; JSON lines out).
import { KvU64, openKv } from "@deno/kv";

/** Opens the namespace the test gave, through KV Connect, with optional client options. */
export function openRemote(options = {}) {
  return openKv(process.env.EDGEKV_URL, { accessToken: process.env.EDGEKV_TOKEN, maxRetries: 0, ...options });
}

export function args() {
  return JSON.parse(process.env.EDGEKV_ARGS ?? "{}");
}

export function print(result) {
  console.log(JSON.stringify(result));
}

export function hex(bytes) {
  return Buffer.from(bytes).toString("hex");
}

/** A JSON form of a JS value that keeps its type: strings stay strings, other kinds are tagged. */
export function describe(value) {
  if (value === null) return null;
  if (value === undefined) return { undefined: true };
  if (typeof value === "bigint") return { bigint: value.toString() };
  if (value instanceof KvU64) return { u64: value.value.toString() };
  if (value instanceof Uint8Array) return { bytes: hex(value) };
  if (value instanceof Date) return { date: value.toISOString() };
  if (value instanceof Map) return { map: [...value].map(([k, v]) => [describe(k), describe(v)]) };
  if (value instanceof Set) return { set: [...value].map(describe) };
  if (Array.isArray(value)) return value.map(describe);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, describe(v)]));
  return value;
}

export async function errorOf(call) {
  try {
    await call();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
