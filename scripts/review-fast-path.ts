// The two requests a reviewer makes on every card — GET /api/review/next and
// POST /api/review/grade — answered by scripts/serve.ts without Next's
// request pipeline, by the very same handler functions Next would call
// (docs/decisions/012, revision 2026-11-29 "the review fast path").
//
// At capacity, a CPU profile put about 55% of each review request outside
// Recall's code: Next's routing, its web Request/Response adapters,
// AsyncLocalStorage stores, and the garbage they leave. Here the built route
// module is loaded from .next/ through Node's require cache — the same module
// instance Next itself loads, so the handler, the Prisma client, the
// prepared statements and every cache are shared with the rest of the app —
// and its GET/POST is called with a web Request; its Response is written
// back with the headers next.config.js gives the path.
//
// Anything unusual goes to Next unchanged: another method or path (even a
// trailing slash), a body without a Content-Length or one larger than
// BUFFER_MAX_BYTES, a header rule with conditions. If the build does not
// look as expected (Next's route module has no `ensureUserland`/`userland`,
// which are Next internals), the fast path stays off and says so at start-up.
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

/** A body up to this size is read here before the handler runs (bytes); larger ones, and bodies without a length, go to Next. The route enforces its own, smaller limit. */
const BUFFER_MAX_BYTES = 64 * 1024;

type Handler = (req: Request) => Promise<Response>;

interface Route {
  method: "GET" | "POST";
  handler: Handler;
  /** Headers next.config.js's headers() gives this path, in its order; the handler's own headers win. */
  configHeaders: [string, string][];
}

interface RouteModule {
  ensureUserland?: () => Promise<void>;
  userland?: Record<string, unknown>;
}

interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
  has?: unknown;
  missing?: unknown;
  basePath?: unknown;
  locale?: unknown;
}

const ROUTES = [
  { pathname: "/api/review/next", method: "GET", page: "app/api/review/next/route.js" },
  { pathname: "/api/review/grade", method: "POST", page: "app/api/review/grade/route.js" },
] as const;

/**
 * Loads the two review routes from the built app in `distDir` (".next" under
 * the project) and returns the request handler for them: it returns false
 * (without touching `req`/`res`) for any request it does not answer, which the
 * caller then gives to Next. Returns null when the fast path cannot be set
 * up, with the reason in `log`.
 */
export async function reviewFastPath(
  projectDir: string,
  nextConfig: { headers?: () => Promise<HeaderRule[]> },
  log: (message: string) => void,
): Promise<((req: IncomingMessage, res: ServerResponse) => boolean) | null> {
  const rules = (await nextConfig.headers?.()) ?? [];
  if (rules.some((r) => r.has || r.missing || r.basePath !== undefined || r.locale !== undefined)) {
    log("review fast path off: next.config.js has header rules with conditions");
    return null;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { getPathMatch } = require("next/dist/shared/lib/router/utils/path-match") as { getPathMatch(source: string, o: { strict: boolean }): (p: string) => unknown };
  const routes = new Map<string, Route>();
  for (const r of ROUTES) {
    let mod: { routeModule?: RouteModule };
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require(path.join(projectDir, ".next", "server", r.page)) as { routeModule?: RouteModule };
    } catch (e) {
      log(`review fast path off: cannot load ${r.page} (${e instanceof Error ? e.message : e})`);
      return null;
    }
    const rm = mod.routeModule;
    if (typeof rm?.ensureUserland !== "function") {
      log(`review fast path off: ${r.page} has no routeModule.ensureUserland (a Next version this was not written for)`);
      return null;
    }
    await rm.ensureUserland();
    const handler = rm.userland?.[r.method];
    if (typeof handler !== "function") {
      log(`review fast path off: ${r.page} exports no ${r.method}`);
      return null;
    }
    const configHeaders: [string, string][] = [];
    for (const rule of rules) if (getPathMatch(rule.source, { strict: true })(r.pathname)) for (const h of rule.headers) configHeaders.push([h.key, h.value]);
    routes.set(r.pathname, { method: r.method, handler: handler as Handler, configHeaders });
  }
  log(`review fast path on: ${ROUTES.map((r) => `${r.method} ${r.pathname}`).join(", ")}`);

  return (req, res) => {
    const url = req.url ?? "";
    const q = url.indexOf("?");
    const route = routes.get(q < 0 ? url : url.slice(0, q));
    if (!route || req.method !== route.method) return false;
    if (route.method === "POST") {
      const length = req.headers["content-length"];
      if (length === undefined || !(Number(length) <= BUFFER_MAX_BYTES) || req.headers["transfer-encoding"]) return false;
    }
    void answer(route, req, res);
    return true;
  };
}

async function answer(route: Route, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const body = route.method === "POST" ? await readBody(req) : undefined;
    // req.headers, not rawHeaders: serve.ts has replaced the client-address header there.
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === "string") headers.set(k, v);
      else if (v) for (const x of v) headers.append(k, x);
    }
    // The origin as Next builds request.url: the Host header over the socket's protocol.
    const proto = (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
    // A Buffer is a Uint8Array; its ArrayBuffer is never shared here.
    const request = new Request(`${proto}://${req.headers.host ?? "localhost"}${req.url}`, { method: route.method, headers, body: body as Uint8Array<ArrayBuffer> | undefined });
    const response = await route.handler(request);
    await send(route, response, res);
  } catch (e) {
    console.error(e);
    if (!res.headersSent) {
      res.statusCode = 500;
      for (const [k, v] of route.configHeaders) res.setHeader(k, v);
    }
    res.end();
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function send(route: Route, response: Response, res: ServerResponse): Promise<void> {
  for (const [k, v] of route.configHeaders) res.setHeader(k, v);
  const cookies = response.headers.getSetCookie();
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") res.setHeader(key, value);
  });
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.statusCode = response.status;
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  if (body) res.setHeader("content-length", body.byteLength);
  res.end(body);
}
