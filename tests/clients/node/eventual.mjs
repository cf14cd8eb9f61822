// The Node client (@deno/kv) reading eventually: an eventual get of EDGEKV_ARGS.key, and a write whose error (if any)
// it reports.
import { args, describe, errorOf, openRemote, print } from "./_shared.mjs";

const { key } = args();
const kv = await openRemote();
try {
  print({
    eventual: describe((await kv.get(key, { consistency: "eventual" })).value),
    writeError: await errorOf(() => kv.set(key, "written through the eventual endpoint")),
  });
} finally {
  kv.close();
}
