// The Node client (@deno/kv) doing get/set/getMany/list/delete/atomic against EdgeKv.
import { describe, errorOf, openRemote, print } from "./_shared.mjs";

const kv = await openRemote();
try {
  const set = await kv.set(["node", "greeting"], { hello: "wörld", list: [1, 2, 3] });
  const get = await kv.get(["node", "greeting"]);
  const many = await kv.getMany([["node", "greeting"], ["node", "missing"], ["seeded", "text"], ["seeded", "json"]]);

  for (let i = 0; i < 5; i++) await kv.set(["node", "items", i], `item ${i}`);
  const listed = [];
  for await (const entry of kv.list({ prefix: ["node", "items"] }, { reverse: true, limit: 3 })) listed.push(entry.key[2]);
  const paged = [];
  for await (const entry of kv.list({ prefix: ["node", "items"] }, { batchSize: 2 })) paged.push(entry.key[2]);

  const checkPassed = await kv.atomic().check(get).set(["node", "greeting"], "replaced").commit();
  const checkFailed = await kv.atomic().check(get).set(["node", "greeting"], "again").commit();
  await kv.atomic().sum(["node", "counter"], 40n).sum(["node", "counter"], 2n).commit();
  const counter = await kv.get(["node", "counter"]);
  await kv.delete(["node", "items", 0]);
  const deleted = await kv.get(["node", "items", 0]);
  const sumOnText = await errorOf(() => kv.atomic().sum(["seeded", "text"], 1n).commit());

  print({
    set: { ok: set.ok, versionstamp: set.versionstamp },
    get: { value: describe(get.value), versionstamp: get.versionstamp },
    many: many.map((e) => describe(e.value)),
    listed,
    paged,
    checkPassed: checkPassed.ok,
    checkFailed: checkFailed.ok,
    counter: describe(counter.value),
    deleted: deleted.value,
    sumOnText,
  });
} finally {
  kv.close();
}
