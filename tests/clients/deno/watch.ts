// Watches the keys in EDGEKV_ARGS.keys and prints one line per update, stopping after EDGEKV_ARGS.updates.
import { args, describeEntry, openRemote, print } from "./_shared.ts";

const { keys, updates } = args<{ keys: Deno.KvKey[]; updates: number }>();
const kv = await openRemote();
try {
  let seen = 0;
  for await (const entries of kv.watch(keys)) {
    print({ entries: entries.map(describeEntry) });
    if (++seen >= updates) break;
  }
} finally {
  kv.close();
}
