// The keys and values the server benchmark's scripts agree on, written once (wrk's side: wrk/common.lua).

/** The pre-loaded key space: k-0 … k-(count-1), read by every GET and mixed workload. */
export const keyOf = (i: number) => `k-${i}`;

/** A key's 100-byte value: the key, then '.' up to 100 bytes (as common.value_for in Lua). */
export function valueFor(key: string): Uint8Array {
  return new TextEncoder().encode(key + ".".repeat(100 - key.length));
}

export const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
