// The Node client (@deno/kv): list selectors and cursors, min/max, expireIn — the operations basic.mjs leaves out.
import { KvU64 } from "@deno/kv";
import { describe, openRemote, print } from "./_shared.mjs";

const keys = async (iterator) => {
  const seen = [];
  for await (const entry of iterator) seen.push(entry.key.at(-1));
  return seen;
};

const kv = await openRemote();
try {
  for (const letter of ["a", "b", "c", "d", "e"]) await kv.set(["letters", letter], letter.toUpperCase());

  const range = await keys(kv.list({ start: ["letters", "b"], end: ["letters", "d"] }));
  const fromStart = await keys(kv.list({ prefix: ["letters"], start: ["letters", "c"] }));
  const toEnd = await keys(kv.list({ prefix: ["letters"], end: ["letters", "c"] }, { reverse: true }));
  const firstPage = kv.list({ prefix: ["letters"] }, { limit: 2 });
  const page1 = await keys(firstPage);
  const page2 = await keys(kv.list({ prefix: ["letters"] }, { limit: 2, cursor: firstPage.cursor }));

  await kv.atomic().min(["stats", "low"], 10n).max(["stats", "high"], 10n).commit();
  await kv.atomic().min(["stats", "low"], 3n).max(["stats", "high"], 3n).commit();
  const [low, high] = await kv.getMany([["stats", "low"], ["stats", "high"]]);

  await kv.set(["session"], "short-lived", { expireIn: 60_000 });
  const session = await kv.get(["session"]);

  print({
    range, fromStart, toEnd, page1, page2,
    low: describe(low.value), high: describe(high.value), lowIsU64: low.value instanceof KvU64,
    session: session.value,
  });
} finally {
  kv.close();
}
