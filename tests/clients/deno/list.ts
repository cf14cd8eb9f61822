// Every shape of list: prefix, start, end, range, reverse, limit, cursor, small batches.
import { openRemote, print } from "./_shared.ts";

const kv = await openRemote();
const keysOf = async (iter: Deno.KvListIterator<unknown>) => {
  const keys: unknown[] = [];
  for await (const entry of iter) keys.push(entry.key[1]);
  return keys;
};
try {
  const prefix = ["items"];
  const all = await keysOf(kv.list({ prefix }));
  const fromStart = await keysOf(kv.list({ prefix, start: ["items", 5] }));
  const toEnd = await keysOf(kv.list({ prefix, end: ["items", 3] }));
  const range = await keysOf(kv.list({ start: ["items", 2], end: ["items", 6] }));
  const reverse = await keysOf(kv.list({ prefix }, { reverse: true }));
  const limited = await keysOf(kv.list({ prefix }, { limit: 3 }));

  const firstPage = kv.list({ prefix }, { limit: 3 });
  const page1 = await keysOf(firstPage);
  const page2 = await keysOf(kv.list({ prefix }, { limit: 4, cursor: firstPage.cursor }));

  const firstReversePage = kv.list({ prefix }, { limit: 2, reverse: true });
  const reversePage1 = await keysOf(firstReversePage);
  const reversePage2 = await keysOf(kv.list({ prefix }, { limit: 2, reverse: true, cursor: firstReversePage.cursor }));

  const smallBatches = await keysOf(kv.list({ prefix }, { batchSize: 2 }));
  const values: unknown[] = [];
  for await (const entry of kv.list<Deno.KvU64>({ prefix }, { limit: 2 })) values.push(entry.value.value.toString());

  print({ all, fromStart, toEnd, range, reverse, limited, page1, page2, reversePage1, reversePage2, smallBatches, values });
} finally {
  kv.close();
}
