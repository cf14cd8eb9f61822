// get, getMany, set (with expireIn), delete, and the values the engine holds that Deno did not write.
import { describe, describeEntry, openRemote, print } from "./_shared.ts";

const kv = await openRemote();
try {
  const set = await kv.set(["users", "alice"], { name: "Alice", age: 30, tags: ["a", "b"] });
  const get = await kv.get(["users", "alice"]);
  const many = await kv.getMany([
    ["users", "alice"],
    ["users", "nobody"],
    ["seeded", "text"],
    ["seeded", "json"],
    ["seeded", "u64"],
    ["seeded", "bytes"],
  ]);
  const seededTypes = many.slice(2).map((e) => typeof e.value);

  await kv.set(["session", "long"], "kept", { expireIn: 60_000 });
  const longLived = await kv.get(["session", "long"]);

  // An entry set to expire at once disappears for readers (waiting on the condition, not on a fixed time).
  await kv.set(["session", "short"], "gone soon", { expireIn: 1 });
  let shortExpired = false;
  for (let i = 0; i < 200 && !shortExpired; i++) {
    shortExpired = (await kv.get(["session", "short"])).value === null;
    if (!shortExpired) await new Promise((r) => setTimeout(r, 25));
  }

  await kv.delete(["users", "alice"]);
  const afterDelete = await kv.get(["users", "alice"]);

  print({
    set: { ok: set.ok, versionstamp: set.versionstamp },
    get: describeEntry(get),
    getMany: many.map(describeEntry),
    seededTypes,
    longLived: describe(longLived.value),
    shortExpired,
    afterDelete: describeEntry(afterDelete),
  });
} finally {
  kv.close();
}
