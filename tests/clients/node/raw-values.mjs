// Exact bytes over the wire: reads ["raw", "stored"] capturing the V8 bytes the server sends, and writes
// ["raw", "sent"] with V8 bytes given by the test (EDGEKV_ARGS.sendHex), bypassing Node's serializer.
import { deserialize } from "node:v8";
import { args, hex, openRemote, print } from "./_shared.mjs";

const { sendHex } = args();
let received = null;
const kv = await openRemote({
  decodeV8: (bytes) => {
    received = hex(bytes);
    return deserialize(bytes);
  },
  encodeV8: () => Buffer.from(sendHex, "hex"),
});
try {
  const stored = await kv.get(["raw", "stored"]);
  await kv.set(["raw", "sent"], "ignored: encodeV8 sends the test's bytes");
  print({ received, decoded: stored.value });
} finally {
  kv.close();
}
