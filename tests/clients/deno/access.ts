// Opens the database with the token in DENO_KV_ACCESS_TOKEN, then tries a read and writes, and reports what
// happened to each (Deno refuses a bad token already at openKv, which fetches the metadata).
import { errorOf, openRemote, print } from "./_shared.ts";

let kv: Deno.Kv | undefined;
const openError = await errorOf(async () => {
  kv = await openRemote();
});
if (kv === undefined) {
  print({ openError });
} else {
  try {
    const db = kv;
    let value: unknown = undefined;
    const readError = await errorOf(async () => {
      value = (await db.get(["guarded"])).value;
    });
    const writeError = await errorOf(() => db.set(["guarded"], "overwritten"));
    const atomicWriteError = await errorOf(() => db.atomic().set(["guarded", "new"], 1).commit());
    print({ openError, readError, value: value ?? null, writeError, atomicWriteError });
  } finally {
    kv.close();
  }
}
