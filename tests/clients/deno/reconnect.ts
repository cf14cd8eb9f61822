// Uses one open database across a change the test makes: reads and writes, prints {"phase":"before",...}, waits for
// a line on stdin (the test revokes the token, suspends the account...), then reads and writes again and prints
// {"phase":"after",...}. Each step reports its error message, or null.
import { errorOf, openRemote, print } from "./_shared.ts";

async function attempt(label: string, kv: Deno.Kv) {
  let value: unknown = null;
  const readError = await errorOf(async () => {
    value = (await kv.get(["conn", "read"])).value;
  });
  const writeError = await errorOf(() => kv.set(["conn", label], label));
  return { phase: label, readError, value, writeError };
}

const kv = await openRemote();
try {
  print(await attempt("before", kv));
  const stdin = Deno.stdin.readable.getReader();
  await stdin.read();
  stdin.releaseLock();
  print(await attempt("after", kv));
} finally {
  kv.close();
}
