// EdgeKv's fetch for Pages Functions (docs/adr/0009-*). The Deno process has no network permission at all, so the
// global fetch is replaced by one that asks the host over the channel: the host makes the request (when the operator
// turned EdgeKv:Functions:OutboundNetwork on) and refuses loopback, private and other internal addresses after
// resolving the name itself. Every refusal or network failure is a TypeError, as a failed fetch is on the web.

import { call, fromBase64, toBase64 } from "./__edgekv_runtime.js";

// Statuses whose Response may carry no body.
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

async function edgeFetch(input, init) {
  const request = new Request(input, init);
  const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
  let answer;
  try {
    answer = await call(null, "fetch", {
      url: request.url,
      method: request.method,
      headers: [...request.headers],
      bytes: body === null ? null : toBase64(body),
    });
  } catch (error) {
    throw new TypeError(error.message);
  }

  const response = new Response(nullBodyStatuses.has(answer.status) ? null : fromBase64(answer.bytes), {
    status: answer.status,
    statusText: answer.statusText,
    headers: answer.headers,
  });
  Object.defineProperty(response, "url", { value: answer.url });
  return response;
}

Object.defineProperty(globalThis, "fetch", { value: edgeFetch, enumerable: true, configurable: true, writable: true });
