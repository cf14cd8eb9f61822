// The Node client (@deno/kv) watching the keys in EDGEKV_ARGS.keys: one line per update, EDGEKV_ARGS.updates lines.
import { args, describe, openRemote, print } from "./_shared.mjs";

const { keys, updates } = args();
const kv = await openRemote();
try {
  let seen = 0;
  for await (const entries of kv.watch(keys)) {
    print({ entries: entries.map((e) => ({ key: e.key, value: describe(e.value), versionstamp: e.versionstamp })) });
    if (++seen >= updates) break;
  }
} finally {
  kv.close();
}
