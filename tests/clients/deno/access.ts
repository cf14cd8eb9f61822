// Tries a read and then a write with the token in DENO_KV_ACCESS_TOKEN and reports what happened to each.
import { errorOf, openRemote, print } from "./_shared.ts";

const kv = await openRemote();
try {
  let value: unknown = undefined;
  const readError = await errorOf(async () => {
    value = (await kv.get(["guarded"])).value;
  });
  const writeError = await errorOf(() => kv.set(["guarded"], "overwritten"));
  const atomicWriteError = await errorOf(() => kv.atomic().set(["guarded", "new"], 1).commit());
  print({ readError, value: value ?? null, writeError, atomicWriteError });
} finally {
  kv.close();
}
