// Writes a value of many JS types through KV Connect and, as the byte-for-byte reference, to a local Deno KV
// (SQLite file EDGEKV_ARGS.localPath) under the same key; reads the remote value back.
import { args, describe, openRemote, print } from "./_shared.ts";

const value = {
  text: "héllo ✓ 你好",
  number: 1.5,
  negativeZero: -0,
  big: 12345678901234567890n,
  date: new Date(Date.UTC(2024, 1, 29, 12, 0, 0)),
  bytes: new Uint8Array([0, 1, 254, 255]),
  map: new Map<unknown, unknown>([["k", 1], [2, [true, null]]]),
  set: new Set(["a", "b"]),
  nested: [1, { deep: { deeper: "yes" } }],
  missing: undefined,
};
const key = ["v8", "complex"];

const { localPath } = args<{ localPath: string }>();
const local = await Deno.openKv(localPath);
await local.set(key, value);
local.close();

const kv = await openRemote();
try {
  await kv.set(key, value);
  const back = await kv.get(key);
  print({ sent: describe(value), received: describe(back.value) });
} finally {
  kv.close();
}
