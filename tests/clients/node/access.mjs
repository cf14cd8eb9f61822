// Opens with EDGEKV_TOKEN, reads and writes, and reports each error.
import { errorOf, openRemote, print } from "./_shared.mjs";

let kv;
const openError = await errorOf(async () => {
  kv = await openRemote();
});
if (kv === undefined) {
  print({ openError });
} else {
  try {
    const readError = await errorOf(() => kv.get(["guarded"]));
    const writeError = await errorOf(() => kv.set(["guarded"], "overwritten"));
    print({ openError, readError, writeError });
  } finally {
    kv.close();
  }
}
