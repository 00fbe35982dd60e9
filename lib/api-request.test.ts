import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { apiUserId, crossSiteProblem } from "./api-request";

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
  encode({ token: { sub }, secret: opts.secret ?? SECRET, salt: opts.name ?? PLAIN, maxAge: opts.maxAge });
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
});
