// An eventual get of EDGEKV_ARGS.key; with EDGEKV_ARGS.probe also a strong get and a write, reporting their errors.
import { args, describe, errorOf, openRemote, print } from "./_shared.ts";

const { key, probe } = args<{ key: Deno.KvKey; probe?: boolean }>();
const kv = await openRemote();
try {
  const result: Record<string, unknown> = {
    eventual: describe((await kv.get(key, { consistency: "eventual" })).value),
  };
  if (probe) {
    result.strongError = await errorOf(() => kv.get(key));
    result.writeError = await errorOf(() => kv.set(key, "written through the eventual endpoint"));
  }
  print(result);
} finally {
  kv.close();
}
