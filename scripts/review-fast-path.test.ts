import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewFastPath } from "./review-fast-path";

// A stand-in for the built app: .next/server/app/api/review/{next,grade}/route.js
// exporting a routeModule shaped like Next's (ensureUserland, userland), whose
// handlers echo what they were given.
const routeSource = (method: string) => `
exports.routeModule = {
  loaded: false,
  async ensureUserland() { this.loaded = true; },
  get userland() {
    if (!this.loaded) throw new Error("not loaded");
    return { ${method}: async (req) => {
      if (req.headers.get("x-throw")) throw new Error("handler failed");
      const body = req.method === "POST" ? await req.text() : null;
      return Response.json({ method: req.method, url: req.url, body, client: req.headers.get("x-client"), cookie: req.headers.get("cookie") },
        { status: 201, headers: { "Cache-Control": "no-store", "X-Frame-Options": "SAMEORIGIN" } });
    } };
  },
};`;

let dir: string;
let server: http.Server;
let base: string;
const logs: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fast-path-"));
  for (const [name, method] of [["next", "GET"], ["grade", "POST"]]) {
    const d = path.join(dir, ".next", "server", "app", "api", "review", name);
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, "route.js"), routeSource(method));
  }
  const config = {
    headers: async () => [
      { source: "/:path*", headers: [{ key: "X-Frame-Options", value: "DENY" }, { key: "X-Content-Type-Options", value: "nosniff" }] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'self'" }] },
      { source: "/elsewhere", headers: [{ key: "X-Not-Here", value: "1" }] },
    ],
  };
  const fast = await reviewFastPath(dir, config, (m) => logs.push(m));
  expect(fast).not.toBeNull();
  server = http.createServer((req, res) => {
    // As serve.ts does: the client-address header is replaced in req.headers only.
    req.headers["x-client"] = "203.0.113.9";
    if (fast!(req, res)) return;
    res.writeHead(299, { "x-by": "next" });
    req.resume();
    res.end("next");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("reviewFastPath", () => {
  it("answers GET /api/review/next with the route's handler, the config's headers for the path, and the handler's own headers winning", async () => {
    const res = await fetch(`${base}/api/review/next?x=1`, { headers: { cookie: "a=b", "x-client": "forged" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'self'");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("x-not-here")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toMatchObject({ method: "GET", cookie: "a=b", client: "203.0.113.9", body: null });
    expect(body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/review\/next\?x=1$/);
    expect(logs.at(-1)).toMatch(/^review fast path on/);
  });

  it("gives the POST handler the body when it has a Content-Length", async () => {
    const res = await fetch(`${base}/api/review/grade`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"grade":"good"}' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ method: "POST", body: '{"grade":"good"}' });
  });

  it("leaves everything else to Next: other methods, other paths, a trailing slash, a POST body without a length or over 64 kB", async () => {
    const toNext = async (url: string, init?: RequestInit) => (await fetch(`${base}${url}`, init)).headers.get("x-by");
    expect(await toNext("/api/review/next", { method: "HEAD" })).toBe("next");
    expect(await toNext("/api/review/next", { method: "POST", body: "{}" })).toBe("next");
    expect(await toNext("/api/review/grade")).toBe("next");
    expect(await toNext("/api/review/next/")).toBe("next");
    expect(await toNext("/api/review/offline")).toBe("next");
    expect(await toNext("/api/review/grade", { method: "POST", body: "x".repeat(65 * 1024) })).toBe("next");
    const chunked = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("{}")), c.close()) });
    expect(await toNext("/api/review/grade", { method: "POST", body: chunked, duplex: "half" } as RequestInit)).toBe("next");
  });

  it("answers 500 with the config's headers when the handler throws", async () => {
    const res = await fetch(`${base}/api/review/next`, { headers: { "x-throw": "1" } });
    expect(res.status).toBe(500);
    expect(res.headers.get("content-security-policy")).toBe("default-src 'self'");
  });

  it("stays off when the built route does not look like Next's (no ensureUserland)", async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), "fast-path-"));
    const d = path.join(other, ".next", "server", "app", "api", "review", "next");
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, "route.js"), "exports.routeModule = { userland: {} };");
    const messages: string[] = [];
    expect(await reviewFastPath(other, {}, (m) => messages.push(m))).toBeNull();
    expect(messages[0]).toMatch(/^review fast path off: .*ensureUserland/);
    fs.rmSync(other, { recursive: true, force: true });
  });

  it("stays off when a header rule has conditions it cannot match once at start-up", async () => {
    const messages: string[] = [];
    const config = { headers: async () => [{ source: "/api/:path*", has: [{ type: "header", key: "x" }], headers: [] }] };
    expect(await reviewFastPath(dir, config, (m) => messages.push(m))).toBeNull();
    expect(messages[0]).toMatch(/conditions/);
  });
});
