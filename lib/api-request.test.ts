import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { apiUserId, crossSiteProblem, readJson } from "./api-request";

// Whether a session is live is the database's answer (tests/integration/session-revocation.test.ts);
// here every well-formed session is.
vi.mock("@/lib/dal/session-check", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/dal/session-check")>();
  return { ...real, isSessionLive: async (claims: unknown) => claims !== null };
});

const SECRET = "api-request-test-secret-0123456789-0123456789";
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
let saved: string | undefined;
beforeAll(() => {
  saved = process.env.AUTH_SECRET;
  process.env.AUTH_SECRET = SECRET;
});
afterAll(() => {
  process.env.AUTH_SECRET = saved;
});

const token = (sub: string, opts: { name?: string; secret?: string; maxAge?: number } = {}) =>
  encode({ token: { sub, sid: "session-1", sv: 0 }, secret: opts.secret ?? SECRET, salt: opts.name ?? PLAIN, maxAge: opts.maxAge });
const request = (cookie: string, url = "http://localhost:3000/api/review/next", headers: Record<string, string> = {}) =>
  new Request(url, { headers: { cookie, ...headers } });

describe("apiUserId", () => {
  it("reads the user id from a session cookie Auth.js signed", async () => {
    expect(await apiUserId(request(`${PLAIN}=${await token("user-1")}`))).toBe("user-1");
  });

  it("refuses no cookie, a cookie signed with another secret, a tampered one and an expired one", async () => {
    expect(await apiUserId(request(""))).toBeNull();
    expect(await apiUserId(request(`${PLAIN}=${await token("user-1", { secret: "another-secret-0123456789-0123456789-xx" })}`))).toBeNull();
    const good = await token("user-1");
    expect(await apiUserId(request(`${PLAIN}=${good.slice(0, -4)}AAAA`))).toBeNull();
    expect(await apiUserId(request(`${PLAIN}=${await token("user-1", { maxAge: -60 })}`))).toBeNull();
  });

  it("behind HTTPS reads the __Secure- cookie, as Auth.js names it there, and only that one", async () => {
    const https = { "x-forwarded-proto": "https" };
    expect(await apiUserId(request(`${SECURE}=${await token("user-2", { name: SECURE })}`, undefined, https))).toBe("user-2");
    expect(await apiUserId(request(`${PLAIN}=${await token("user-2")}`, undefined, https))).toBeNull();
    expect(await apiUserId(request(`${SECURE}=${await token("user-2", { name: SECURE })}`, "https://recall.example/api/review/next"))).toBe("user-2");
  });
});

describe("crossSiteProblem", () => {
  const post = (headers: Record<string, string>) => new Request("http://localhost:3000/api/review/grade", { method: "POST", headers: { host: "localhost:3000", ...headers } });
  it("accepts same-site JSON and refuses form bodies and foreign origins", () => {
    expect(crossSiteProblem(post({ "content-type": "application/json", origin: "http://localhost:3000" }))).toBeNull();
    expect(crossSiteProblem(post({ "content-type": "application/x-www-form-urlencoded" }))).toMatch(/JSON/);
    expect(crossSiteProblem(post({ "content-type": "application/json", origin: "https://evil.example" }))).toMatch(/Cross-site/);
  });

  it("refuses Origin: null and an unparsable Origin as cross-site instead of throwing", () => {
    for (const origin of ["null", "not a url", "http://", "://x", "file:///etc/passwd", "http://localhost:3000:99999"]) {
      expect(crossSiteProblem(post({ "content-type": "application/json", origin })), origin).toBe("Cross-site requests are not allowed.");
    }
  });

  it("refuses an Origin when the request names no Host to compare it with", () => {
    const req = new Request("http://localhost:3000/api/review/grade", { method: "POST", headers: { "content-type": "application/json", origin: "http://localhost:3000" } });
    expect(crossSiteProblem(req)).toBe("Cross-site requests are not allowed.");
  });
});

describe("readJson", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://localhost:3000/api/review/grade", { method: "POST", body, headers: { "content-type": "application/json", ...headers }, duplex: "half" } as RequestInit);

  it("reads a small JSON body, and gives undefined for one that is not JSON", async () => {
    expect(await readJson(post(JSON.stringify({ a: 1 })))).toEqual({ value: { a: 1 } });
    expect(await readJson(post("{not json"))).toEqual({ value: undefined });
  });

  it("answers 413 for a body over the limit, whether announced by Content-Length or streamed without one", async () => {
    const announced = await readJson(post("x".repeat(9_000)));
    expect("response" in announced && announced.response.status).toBe(413);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024;
        controller.enqueue(new Uint8Array(1024).fill(32));
      },
    });
    const streamed = await readJson(post(endless), 4096);
    expect("response" in streamed && streamed.response.status).toBe(413);
    expect("response" in streamed && (await streamed.response.json()).error).toMatch(/too large/);
    expect(sent).toBeLessThan(16 * 1024); // it stopped reading, it did not drain the stream
  });
});
