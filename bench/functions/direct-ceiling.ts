// The ceiling of the other design ADR 0009 weighs: each project's Deno process owning the socket its visitors
// connect to (no listener in front). It serves a function file the way bare-deno.ts does and adds only the least such
// a design must still do per request, each in the cheapest way measured: find the route from the URL's path, refuse a
// declared body over the size limit (a streamed one would also need counting as it is read: not done here), count the
// request against the project's concurrency limit, and keep its wall-time deadline (a 504 once it passes). No sandbox,
// bindings, logs or environment: whatever those cost comes on top.
// Usage: deno run --allow-net=127.0.0.1 --allow-read direct-ceiling.ts <function.js> <port>
const [file, port] = Deno.args;
const { onRequest } = await import(new URL(file, `file://${Deno.cwd()}/`).href);

const routes = new Map([["/", { handler: onRequest, params: {} }]]);
const maxBodyBytes = 25 * 1024 * 1024;
const maxConcurrent = 64;
const wallTimeMs = 30_000;

// In-flight requests with their deadlines; one sweep a second answers the overdue ones. Deadlines are read from a clock
// kept coarse (a tenth of a second), so the request path reads no clock of its own.
const inFlight = new Set<{ deadline: number; answer: (response: Response) => void }>();
let clock = Date.now();
setInterval(() => { clock = Date.now(); }, 100);
setInterval(() => {
  for (const request of inFlight) {
    if (request.deadline < clock) {
      inFlight.delete(request);
      request.answer(new Response("wall time exceeded", { status: 504 }));
    }
  }
}, 1_000);

function pathOf(url: string) {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  const query = url.indexOf("?", start);
  return query < 0 ? url.slice(start) : url.slice(start, query);
}

function serve(request: Request): Response | Promise<Response> {
  const route = routes.get(pathOf(request.url));
  if (route === undefined) return new Response("not found", { status: 404 });
  // Only a request with a body is checked: reading a header costs a tenth of hello's throughput (Deno builds the
  // headers lazily), and a bodyless GET has nothing to limit.
  if (request.body !== null && Number(request.headers.get("content-length") ?? 0) > maxBodyBytes) {
    return new Response("too large", { status: 413 });
  }
  if (inFlight.size >= maxConcurrent) return new Response("busy", { status: 503 });
  return new Promise((resolve, reject) => {
    const entry = { deadline: clock + wallTimeMs, answer: resolve };
    inFlight.add(entry);
    route.handler({ request, params: route.params, env: {} }).then(
      (response: Response) => { inFlight.delete(entry); resolve(response); },
      (error: unknown) => { inFlight.delete(entry); reject(error); },
    );
  });
}

Deno.serve({ hostname: "127.0.0.1", port: Number(port), onListen() {} }, serve);
