// Reads values of known sizes every way a Deno program reads them (get, a missing key, getMany, list, the first
// state of a watch) and prints the sizes it was given, so the test can check what its token counted as bytes read.
import { openRemote, print } from "./_shared.ts";

const kv = await openRemote();
try {
  const size = (entry: Deno.KvEntryMaybe<Uint8Array>) => entry.value?.length ?? null;
  const one = await kv.get<Uint8Array>(["r", "a"]);
  const missing = await kv.get<Uint8Array>(["r", "missing"]);
  const many = await kv.getMany<Uint8Array[]>([["r", "a"], ["r", "b"], ["r", "missing"]]);
  const listed: number[] = [];
  for await (const entry of kv.list<Uint8Array>({ prefix: ["r"] })) listed.push(entry.value.length);
  let watched: (number | null)[] = [];
  for await (const entries of kv.watch<Uint8Array[]>([["r", "b"]])) {
    watched = entries.map(size);
    break;
  }
  print({ one: size(one), missing: size(missing), many: many.map(size), listed, watched });
} finally {
  kv.close();
}
