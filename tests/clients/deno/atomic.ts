// Atomic operations: checks that pass and fail, sum/min/max on KvU64, an engine error, a versionstamped key.
import { errorOf, openRemote, print } from "./_shared.ts";

const kv = await openRemote();
try {
  const doc = await kv.get(["doc"]); // seeded by the test
  const checkPassed = await kv.atomic().check(doc).set(["doc"], "v2").commit();
  const checkFailed = await kv.atomic().check(doc).set(["doc"], "v3").commit(); // doc changed since
  const absentPassed = await kv.atomic().check({ key: ["new"], versionstamp: null }).set(["new"], 1).commit();
  const absentFailed = await kv.atomic().check({ key: ["new"], versionstamp: null }).set(["new"], 2).commit();

  const sum = await kv.atomic().sum(["counter"], 5n).commit();
  await kv.atomic().sum(["counter"], 7n).commit();
  await kv.atomic().min(["low"], 10n).commit();
  await kv.atomic().min(["low"], 3n).commit();
  await kv.atomic().max(["high"], 10n).commit();
  await kv.atomic().max(["high"], 3n).commit();
  const [counter, low, high] = await kv.getMany<Deno.KvU64[]>([["counter"], ["low"], ["high"]]);

  const sumOnText = await errorOf(() => kv.atomic().sum(["doc"], 1n).commit());

  const logged = await kv.atomic().set(["log", kv.commitVersionstamp()], "entry").commit();
  const logKeys: unknown[] = [];
  for await (const entry of kv.list({ prefix: ["log"] })) logKeys.push(entry.key);

  print({
    checkPassed: checkPassed.ok,
    checkFailed: checkFailed.ok,
    absentPassed: absentPassed.ok,
    absentFailed: absentFailed.ok,
    sumVersionstamp: sum.ok ? sum.versionstamp : null,
    counter: counter.value?.value.toString(),
    low: low.value?.value.toString(),
    high: high.value?.value.toString(),
    sumOnText,
    loggedVersionstamp: logged.ok ? logged.versionstamp : null,
    logKeys,
    doc: (await kv.get(["doc"])).value,
  });
} finally {
  kv.close();
}
