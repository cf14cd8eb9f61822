// EdgeKv's Pages Functions runtime: the JavaScript half, run by Deno with no permissions at all (docs/adr/0007-*).
//
// The host (EdgeKv.Functions, ProjectRuntime.cs) starts one Deno process per project with this module beside the
// project's functions/ files. Everything crosses stdin/stdout as frames: a 4-byte big-endian length, then that many
// bytes. Requests and responses, the hot path, have binary frames (RuntimeFrames.cs says their layout): metadata as
// a small JSON array, the body as raw bytes. Every other frame is UTF-8 JSON: the host sends {t:"result"} and
// {t:"env"} (the project's environment variables, before the first request and whenever they change); this side
// sends {t:"loading"} (answered by {t:"watched"}), {t:"ready"}, {t:"call"} (a binding operation) and {t:"log"};
// binary values in those travel as base64. At deploy time the host loads the same files with report() instead of
// serve(): one {t:"loaded"} frame naming each file's handlers.
//
// install(bindingNames) runs before any function module is evaluated (the generated entry imports it first) and
// defines one global per binding with EdgeOne's put/get/delete/list; an unbound name stays undefined, so using it is
// "ReferenceError: my_kv is not defined", as on EdgeOne; awaitWatch() then holds the load until the host watches the
// process's memory. serve(modules) answers requests once every function file is evaluated.

import { AsyncLocalStorage } from "node:async_hooks";

const encoder = new TextEncoder();
// The path of the request a piece of code runs for (across awaits and timers), so its log lines name it.
const currentPath = new AsyncLocalStorage();
const decoder = new TextDecoder();

// The channel is ours: function code gets neither end of it, nor the raw stderr. (A function that still reached fd 1
// could only garble its own project's channel; the host then stops and restarts this process.) Read and written with
// the files' own read/write rather than their streams: a stream reader and writer cost a few microseconds per frame.
const input = Deno.stdin;
const output = Deno.stdout;
delete Deno.stdin;
delete Deno.stdout;
delete Deno.stderr;

// Frames written in one turn of the event loop (several responses finishing together) go out in one write.
let queued = [];
let queuedBytes = 0;

function flush() {
  const frames = queued;
  queued = [];
  let chunk = frames[0];
  if (frames.length > 1) {
    chunk = new Uint8Array(queuedBytes);
    let at = 0;
    for (const frame of frames) {
      chunk.set(frame, at);
      at += frame.length;
    }
  }
  queuedBytes = 0;
  // Writes are chained so they reach the pipe in order; a failed write means the host is gone, and so should we be.
  writing = writing.then(() => writeAll(chunk)).catch(() => Deno.exit(1));
}

let writing = Promise.resolve();

async function writeAll(chunk) {
  for (let at = 0; at < chunk.length;) at += await output.write(chunk.subarray(at));
}

function enqueue(frame) {
  if (queued.length === 0) queueMicrotask(flush);
  queued.push(frame);
  queuedBytes += frame.length;
}

function jsonFrame(message) {
  const payload = encoder.encode(JSON.stringify(message));
  const frame = new Uint8Array(4 + payload.length);
  new DataView(frame.buffer).setUint32(0, payload.length);
  frame.set(payload, 4);
  return frame;
}

function send(message) {
  enqueue(jsonFrame(message));
}

const REQUEST = 1;
const RESPONSE = 2;
const NO_HANDLER = 1;
const TOO_LARGE = 2;
const noBody = new Uint8Array(0);

// A response frame: kind, id, status, flags, the headers' length, the headers as a flat JSON array, the body.
function sendResponse(id, status, flags, headers, body = noBody) {
  const flat = [];
  // Headers.forEach: 0.9 µs for a response's headers against 2.3 µs with for…of (Deno 2.9.6).
  if (headers instanceof Headers) headers.forEach((value, name) => flat.push(name, value));
  else for (const [name, value] of headers) flat.push(name, value);
  const meta = encoder.encode(JSON.stringify(flat));
  const frame = new Uint8Array(16 + meta.length + body.length);
  const view = new DataView(frame.buffer);
  view.setUint32(0, 12 + meta.length + body.length);
  frame[4] = RESPONSE;
  view.setUint32(5, id);
  view.setUint16(9, status);
  frame[11] = flags;
  view.setUint32(12, meta.length);
  frame.set(meta, 16);
  frame.set(body, 16 + meta.length);
  enqueue(frame);
}

// console.* would write to fd 1 (the channel): it becomes log frames, which the host keeps as the project's logs.
function format(args) {
  return args.map((arg) => (typeof arg === "string" ? arg : Deno.inspect(arg))).join(" ");
}
const log = (level) => (...args) => send({ t: "log", level, text: format(args), path: currentPath.getStore() ?? null });
globalThis.console = {
  log: log("info"), info: log("info"), debug: log("debug"), warn: log("warn"), error: log("error"),
  trace: log("debug"), assert: (ok, ...args) => { if (!ok) log("error")("Assertion failed", ...args); },
};

export function toBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Binding calls: each gets an id; the host answers {t:"result", id, ok, value | error}.
let nextCallId = 1;
const calls = new Map();

export function call(binding, op, args) {
  const id = nextCallId++;
  return new Promise((resolve, reject) => {
    calls.set(id, { resolve, reject });
    send({ t: "call", id, binding, op, ...args });
  });
}

function keyOf(key) {
  if (key === undefined || key === null) throw new TypeError("key must be a string");
  return String(key);
}

async function valueOf(value) {
  if (typeof value === "string") return { text: value };
  if (value instanceof ArrayBuffer) return { bytes: toBase64(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value)) return { bytes: toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  if (value instanceof ReadableStream) return { bytes: toBase64(new Uint8Array(await new Response(value).arrayBuffer())) };
  throw new TypeError("value must be a string, ArrayBuffer, ArrayBufferView or ReadableStream");
}

// One namespace, as EdgeOne's guide describes it (使用 KV): put, get, delete, list.
class KvNamespace {
  #name;
  constructor(name) { this.#name = name; }

  async put(key, value) {
    await call(this.#name, "put", { key: keyOf(key), ...(await valueOf(value)) });
  }

  // type: "text" (default), "json", "arrayBuffer" or "stream", as a string or {type}; null when missing or empty.
  async get(key, options) {
    const type = typeof options === "string" ? options : (options?.type ?? "text");
    const value = await call(this.#name, "get", { key: keyOf(key), type });
    if (value === null) return null;
    switch (type) {
      case "json": return JSON.parse(value.text);
      case "arrayBuffer": return fromBase64(value.bytes).buffer;
      case "stream": return new Blob([fromBase64(value.bytes)]).stream();
      default: return value.text;
    }
  }

  async delete(key) {
    await call(this.#name, "delete", { key: keyOf(key) });
  }

  // {prefix, limit (1..256, default 256), cursor} → {complete, cursor (the next page's first key, or null), keys: [{key}]}.
  async list(options = {}) {
    const { prefix = null, limit = null, cursor = null } = options ?? {};
    const text = (value) => (value === null || value === undefined ? null : String(value));
    const count = limit === null || limit === undefined ? null : Number(limit);
    return await call(this.#name, "list", { prefix: text(prefix), limit: count, cursor: text(cursor) });
  }
}

let maxResponseBytes = Infinity;
let env = Object.freeze({});

export function install(bindingNames, responseLimit) {
  maxResponseBytes = responseLimit;
  for (const name of bindingNames) {
    Object.defineProperty(globalThis, name, { value: new KvNamespace(name), enumerable: false, configurable: false, writable: false });
  }
}

// Before any function file is evaluated (the setup module calls this; the entry imports setup first): say so, and wait
// until the host answers that it watches this process's memory. Its baseline is then the runtime's own footprint (Deno,
// this shim, the compiled modules) and the function's top-level code runs under the memory limit from its first line
// (docs/adr/0009-*). Synchronous both ways: top-level code that never yields would otherwise keep the frame queued.
export function awaitWatch() {
  const frame = jsonFrame({ t: "loading" });
  for (let at = 0; at < frame.length;) at += output.writeSync(frame.subarray(at));
  const length = new DataView(readExactly(4).buffer).getUint32(0);
  const answer = JSON.parse(decoder.decode(readExactly(length)));
  if (answer.t !== "watched") throw new Error("the host did not answer the loading frame");
}

function readExactly(count) {
  const bytes = new Uint8Array(count);
  for (let at = 0; at < count;) {
    const read = input.readSync(bytes.subarray(at));
    if (read === null) Deno.exit(0); // the host closed the channel: it stopped us
    at += read;
  }
  return bytes;
}

const methodHandler = (method) => "onRequest" + method[0] + method.slice(1).toLowerCase();
const handlerNames = ["onRequest", ...["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].map(methodHandler)];

const textPlain = [["content-type", "text/plain; charset=utf-8"]];

async function handle(modules, id, [file, params, method, url, flatHeaders], body) {
  const module = modules[file];
  const handler = module?.[methodHandler(method)] ?? module?.onRequest;
  if (typeof handler !== "function") {
    sendResponse(id, 405, NO_HANDLER, textPlain);
    return;
  }

  // Pairs, not a Headers object: Request copies either, and measured 7.5 µs with pairs against 18 µs with Headers.
  const headers = [];
  for (let i = 0; i < flatHeaders.length; i += 2) headers.push([flatHeaders[i], flatHeaders[i + 1]]);
  const init = { method, headers };
  if (body.length > 0 && method !== "GET" && method !== "HEAD") init.body = body;
  const pending = [];
  const context = {
    request: new Request(url, init),
    params,
    env,
    waitUntil: (promise) => { pending.push(Promise.resolve(promise).catch((e) => console.error("waitUntil:", e))); },
  };

  try {
    const response = await handler(context);
    if (!(response instanceof Response)) throw new TypeError("the function did not return a Response");
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > maxResponseBytes) {
      sendResponse(id, 502, TOO_LARGE, []);
      return;
    }
    sendResponse(id, response.status, 0, response.headers, bytes);
  } catch (error) {
    console.error(error);
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    sendResponse(id, 500, 0, textPlain, encoder.encode(text));
  }
}

// One frame from the host: a request (binary), or a JSON message.
function receive(modules, frame) {
  if (frame[0] === REQUEST) {
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const id = view.getUint32(1);
    const metaEnd = 9 + view.getUint32(5);
    const meta = JSON.parse(decoder.decode(frame.subarray(9, metaEnd)));
    currentPath.run(new URL(meta[3]).pathname, () => handle(modules, id, meta, frame.subarray(metaEnd)));
    return;
  }
  const message = JSON.parse(decoder.decode(frame));
  if (message.t === "env") {
    env = Object.freeze({ ...message.values });
  } else if (message.t === "result") {
    const pending = calls.get(message.id);
    calls.delete(message.id);
    if (message.ok) pending?.resolve(message.value ?? null);
    else pending?.reject(new Error(message.error));
  }
}

const readBytes = 64 * 1024;

export async function serve(modules) {
  // Once serving, an error nobody caught (a rejected promise nobody awaited, a throw in a timer) is logged, not fatal:
  // the process serves other requests too. (While loading, it is fatal: Deno's message is the deployment's refusal.)
  globalThis.addEventListener("unhandledrejection", (event) => {
    event.preventDefault();
    console.error("Uncaught (in promise)", event.reason);
  });
  globalThis.addEventListener("error", (event) => {
    event.preventDefault();
    console.error("Uncaught", event.error ?? event.message);
  });
  send({ t: "ready" });
  let buffer = new Uint8Array(0);
  for (;;) {
    // A fresh chunk per read: frames are views into it, handed to requests that may outlive this loop's turn.
    const chunk = new Uint8Array(readBytes);
    const read = await input.read(chunk);
    if (read === null) Deno.exit(0); // the host closed the channel: it stopped us
    const value = chunk.subarray(0, read);
    if (buffer.length === 0) {
      buffer = value;
    } else {
      const joined = new Uint8Array(buffer.length + value.length);
      joined.set(buffer);
      joined.set(value, buffer.length);
      buffer = joined;
    }
    // Frames are views into the chunk they came in (never written to afterwards): no copy per frame.
    let at = 0;
    while (buffer.length - at >= 4) {
      const length = new DataView(buffer.buffer, buffer.byteOffset + at).getUint32(0);
      if (buffer.length - at < 4 + length) break;
      receive(modules, buffer.subarray(at + 4, at + 4 + length));
      at += 4 + length;
    }
    buffer = buffer.subarray(at);
  }
}

// Deploy time: every file loaded (the entry imported them all); say which handlers each exports, and stop.
export function report(modules) {
  const handlers = {};
  for (const [file, module] of Object.entries(modules)) {
    handlers[file] = handlerNames.filter((name) => typeof module[name] === "function");
  }
  send({ t: "loaded", handlers });
}
