// Writes a small value, then one too large for the namespace's byte budget, and reports both outcomes.
import { errorOf, openRemote, print } from "./_shared.ts";

const kv = await openRemote();
try {
  const smallError = await errorOf(() => kv.set(["small"], "ok"));
  const largeError = await errorOf(() => kv.set(["large"], "x".repeat(2000)));
  print({ smallError, largeError });
} finally {
  kv.close();
}
