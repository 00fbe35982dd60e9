import { describe, expect, it } from "vitest";
import { accountKey, clientIp, limitCredentialsSignIn, MemoryFailureStore, SignInThrottle, SlidingWindowLimiter, tooManyAttemptsMessage } from "./rate-limit";

const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
const sec = (n: number) => T0 + n * 1000;
const policy = { limit: 5, windowMs: 60_000 };

async function failTimes(l: SlidingWindowLimiter, key: string, times: number[]) {
  for (const t of times) await l.admit(key, t);
}

describe("SlidingWindowLimiter", () => {
  it("allows up to the limit of failures and refuses the next attempt", async () => {
    const l = new SlidingWindowLimiter(policy);
    for (let i = 0; i < 4; i++) await l.admit("a", sec(i));
    expect(await l.check("a", sec(4))).toEqual({ allowed: true });
    await l.admit("a", sec(4));
    expect(await l.check("a", sec(5))).toMatchObject({ allowed: false });
  });

  it("Retry-After is the whole seconds until the oldest counted failure leaves the window", async () => {
    const l = new SlidingWindowLimiter(policy);
    await failTimes(l, "a", [sec(0), sec(1), sec(2), sec(3), sec(4)]);
    expect(await l.check("a", sec(15))).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(await l.check("a", sec(15) + 300)).toEqual({ allowed: false, retryAfterSeconds: 45 }); // 44.7 s rounds up
    expect(await l.check("a", sec(59) + 999)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("the window slides: the lock ends when the oldest failure expires, without any success", async () => {
    const l = new SlidingWindowLimiter(policy);
    await failTimes(l, "a", [sec(0), sec(10), sec(20), sec(30), sec(40)]);
    expect((await l.check("a", sec(59))).allowed).toBe(false);
    expect((await l.check("a", sec(60))).allowed).toBe(true); // the failure at 0 s has left the window
    await l.admit("a", sec(60));
    // Five failures again within the last minute (10..60 s): locked until 70 s.
    expect(await l.check("a", sec(61))).toEqual({ allowed: false, retryAfterSeconds: 9 });
    expect((await l.check("a", sec(100))).allowed).toBe(true);
    expect((await l.check("a", sec(200))).allowed).toBe(true);
  });

  it("refused attempts are not recorded, so hammering a locked key never extends the lock", async () => {
    const l = new SlidingWindowLimiter(policy);
    await failTimes(l, "a", [sec(0), sec(1), sec(2), sec(3), sec(4)]);
    for (let t = 5; t < 60; t++) expect((await l.check("a", sec(t))).allowed).toBe(false);
    expect((await l.check("a", sec(60))).allowed).toBe(true);
  });

  it("keys are independent", async () => {
    const l = new SlidingWindowLimiter(policy);
    await failTimes(l, "a", [sec(0), sec(1), sec(2), sec(3), sec(4)]);
    expect((await l.check("a", sec(5))).allowed).toBe(false);
    expect(await l.check("b", sec(5))).toEqual({ allowed: true });
    await l.admit("b", sec(5));
    expect(await l.check("b", sec(6))).toEqual({ allowed: true });
  });

  it("reset clears a key at once", async () => {
    const l = new SlidingWindowLimiter(policy);
    await failTimes(l, "a", [sec(0), sec(1), sec(2), sec(3), sec(4)]);
    await l.reset("a", sec(5));
    expect(await l.check("a", sec(5))).toEqual({ allowed: true });
  });

  it("remove takes back exactly one failure", async () => {
    const l = new SlidingWindowLimiter(policy);
    await failTimes(l, "a", [sec(0), sec(1), sec(2), sec(3), sec(4)]);
    await l.remove("a", sec(4));
    expect((await l.check("a", sec(5))).allowed).toBe(true);
    await l.remove("a", sec(99)); // not recorded: nothing happens
    await l.admit("a", sec(5));
    expect((await l.check("a", sec(6))).allowed).toBe(false);
  });

  it("purging forgets keys whose failures have all left the window", async () => {
    const store = new MemoryFailureStore();
    const l = new SlidingWindowLimiter(policy, store);
    await l.admit("old", sec(0));
    await l.admit("recent", sec(50));
    await store.purge(sec(60) - policy.windowMs);
    expect(store.size).toBe(1);
    expect(await store.read("old")).toBeNull();
    expect((await store.read("recent"))?.times).toEqual([sec(50)]);
  });

  it("keeps memory bounded: past maxKeys, expired and then least recently used keys go first", async () => {
    const store = new MemoryFailureStore(100);
    const l = new SlidingWindowLimiter(policy, store);
    for (let i = 0; i < 100; i++) await l.admit(`old-${i}`, sec(0));
    for (let i = 0; i < 50; i++) await l.admit(`new-${i}`, sec(120)); // the old ones have expired
    expect(store.size).toBe(50);
    for (let i = 0; i < 60; i++) await l.admit(`newer-${i}`, sec(121));
    expect(store.size).toBeLessThanOrEqual(100);
    expect(await l.check("newer-59", sec(121))).toEqual({ allowed: true }); // still counted: one failure
    await failTimes(l, "newer-59", [sec(121), sec(121), sec(121), sec(121)]);
    expect((await l.check("newer-59", sec(122))).allowed).toBe(false);
  });
});

describe("SignInThrottle", () => {
  const keys = { account: "account:a@example.com", ip: "ip:203.0.113.7" };

  it("counts an admitted attempt up front, so parallel attempts cannot all pass the check", async () => {
    const t = new SignInThrottle();
    const admitted = (await Promise.all(Array.from({ length: 8 }, () => t.begin(keys, sec(0))))).filter((g) => !g.blocked);
    expect(admitted).toHaveLength(5);
  });

  it("two app instances sharing one store enforce one limit between them", async () => {
    const store = new MemoryFailureStore();
    const a = new SignInThrottle(store);
    const b = new SignInThrottle(store);
    const gates = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).begin(keys, sec(0))));
    expect(gates.filter((g) => !g.blocked)).toHaveLength(5);
    expect(await a.begin({ account: keys.account, ip: null }, sec(1))).toMatchObject({ blocked: true });
    expect(await b.begin({ account: null, ip: keys.ip }, sec(1))).toMatchObject({ blocked: true });
  });

  it("a success clears the account's counter but not the IP's", async () => {
    const t = new SignInThrottle();
    for (let i = 0; i < 4; i++) {
      const g = await t.begin(keys, sec(i));
      if (g.blocked) throw new Error("blocked too early");
      await g.attempt.failed();
    }
    const ok = await t.begin(keys, sec(4));
    if (ok.blocked) throw new Error("blocked too early");
    await ok.attempt.succeeded();
    // Same account from another address: its counter starts again from zero.
    for (let i = 0; i < 5; i++) expect((await t.begin({ ...keys, ip: "ip:198.51.100.1" }, sec(5 + i))).blocked).toBe(false);
    expect((await t.begin({ ...keys, ip: "ip:198.51.100.1" }, sec(10))).blocked).toBe(true);
    // The first address still carries its 4 failures (the success was not counted): one more failure locks it.
    const other = { account: "account:b@example.com", ip: keys.ip };
    expect((await t.begin(other, sec(11))).blocked).toBe(false);
    expect(await t.begin(other, sec(12))).toMatchObject({ blocked: true });
  });

  it("locks the account whatever the address, and the address whatever the account", async () => {
    const t = new SignInThrottle();
    for (let i = 0; i < 5; i++) await t.begin({ account: "account:victim@example.com", ip: `ip:10.0.0.${i}` }, sec(i));
    expect(await t.begin({ account: "account:victim@example.com", ip: "ip:10.0.0.99" }, sec(5))).toEqual({ blocked: true, retryAfterSeconds: 55 });
    for (let i = 0; i < 5; i++) await t.begin({ account: `account:user${i}@example.com`, ip: "ip:10.9.9.9" }, sec(i));
    expect(await t.begin({ account: "account:fresh@example.com", ip: "ip:10.9.9.9" }, sec(30))).toEqual({ blocked: true, retryAfterSeconds: 30 });
    expect((await t.begin({ account: "account:fresh@example.com", ip: "ip:10.9.9.10" }, sec(30))).blocked).toBe(false);
  });

  it("an abandoned attempt (no password checked) is not counted", async () => {
    const t = new SignInThrottle();
    for (let i = 0; i < 20; i++) {
      const g = await t.begin(keys, sec(i));
      if (g.blocked) throw new Error("abandoned attempts were counted");
      await g.attempt.abandoned();
    }
  });

  it("reports the longest wait when both keys are locked", async () => {
    const t = new SignInThrottle();
    for (let i = 0; i < 5; i++) await t.begin({ account: null, ip: keys.ip }, sec(i));
    for (let i = 0; i < 5; i++) await t.begin({ account: keys.account, ip: null }, sec(20 + i));
    expect(await t.begin(keys, sec(30))).toEqual({ blocked: true, retryAfterSeconds: 50 });
  });
});

describe("keys and messages", () => {
  it("normalizes the account like the sign-in schema", async () => {
    expect(accountKey("  Alice@Example.COM ")).toBe("account:alice@example.com");
    expect(accountKey("")).toBeNull();
    expect(accountKey(undefined)).toBeNull();
    expect(accountKey("x".repeat(10_000))!.length).toBeLessThanOrEqual(254 + "account:".length);
  });

  it("trusts forwarding headers only with TRUST_PROXY, taking the first hop", async () => {
    const h = new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1", "x-real-ip": "10.0.0.2" });
    expect(clientIp(h, {})).toBeNull();
    expect(clientIp(h, { TRUST_PROXY: "0" })).toBeNull();
    expect(clientIp(h, { TRUST_PROXY: "1" })).toBe("ip:203.0.113.7");
    expect(clientIp(new Headers({ "x-real-ip": "10.0.0.2" }), { TRUST_PROXY: "true" })).toBe("ip:10.0.0.2");
    expect(clientIp(new Headers(), { TRUST_PROXY: "1" })).toBeNull();
  });

  it("says how long to wait", async () => {
    expect(tooManyAttemptsMessage(45)).toBe("Too many attempts. Try again in 45 seconds.");
    expect(tooManyAttemptsMessage(1)).toBe("Too many attempts. Try again in 1 second.");
  });
});

describe("limitCredentialsSignIn (the next-auth POST wrapper)", () => {
  const URL_CREDENTIALS = "http://localhost:3000/api/auth/callback/credentials";

  function post(email: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}): Request {
    return new Request(URL_CREDENTIALS, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ email, password: "x", csrfToken: "t", ...extra }),
    });
  }

  const wrongPassword = () => Response.redirect("http://localhost:3000/sign-in?error=CredentialsSignin&code=credentials", 302);
  function signedIn(): Response {
    const res = new Response(null, { status: 302, headers: { location: "http://localhost:3000/" } });
    res.headers.append("set-cookie", "authjs.session-token=abc; Path=/; HttpOnly; SameSite=Lax");
    return res;
  }

  it("answers 429 with Retry-After after 5 failures, without calling next-auth", async () => {
    let now = T0;
    let calls = 0;
    const POST = limitCredentialsSignIn(async () => (calls++, wrongPassword()), { throttle: new SignInThrottle(), now: () => now, env: {} });
    for (let i = 0; i < 5; i++) {
      const res = await POST(post("Victim@example.com"));
      expect(res.status).toBe(302);
      now += 1000;
    }
    now = T0 + 15_000;
    const res = await POST(post("victim@example.com "));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("45");
    expect(await res.text()).toBe("Too many attempts. Try again in 45 seconds.");
    expect(calls).toBe(5);
    expect((await POST(post("someone-else@example.com"))).status).toBe(302);
    now = T0 + 60_000;
    expect((await POST(post("victim@example.com"))).status).toBe(302);
  });

  it("a success clears the account's failures", async () => {
    const throttle = new SignInThrottle();
    let ok = false;
    const POST = limitCredentialsSignIn(async () => (ok ? signedIn() : wrongPassword()), { throttle, now: () => T0, env: {} });
    for (let i = 0; i < 4; i++) await POST(post("a@example.com"));
    ok = true;
    expect((await POST(post("a@example.com"))).status).toBe(302);
    ok = false;
    for (let i = 0; i < 5; i++) expect((await POST(post("a@example.com"))).status).toBe(302);
    expect((await POST(post("a@example.com"))).status).toBe(429);
  });

  it("counts per IP only with TRUST_PROXY", async () => {
    const POST = limitCredentialsSignIn(async () => wrongPassword(), { throttle: new SignInThrottle(), now: () => T0, env: { TRUST_PROXY: "1" } });
    for (let i = 0; i < 5; i++) expect((await POST(post(`u${i}@example.com`, {}, { "x-forwarded-for": "203.0.113.7" }))).status).toBe(302);
    expect((await POST(post("u9@example.com", {}, { "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).status).toBe(429);
    expect((await POST(post("u9@example.com", {}, { "x-forwarded-for": "203.0.113.8" }))).status).toBe(302);

    const untrusted = limitCredentialsSignIn(async () => wrongPassword(), { throttle: new SignInThrottle(), now: () => T0, env: {} });
    for (let i = 0; i < 10; i++) expect((await untrusted(post(`u${i}@example.com`, {}, { "x-forwarded-for": "203.0.113.7" }))).status).toBe(302);
  });

  it("does not count requests where no password was checked (a CSRF failure)", async () => {
    const POST = limitCredentialsSignIn(async () => Response.redirect("http://localhost:3000/api/auth/error?error=MissingCSRF", 302), {
      throttle: new SignInThrottle(),
      now: () => T0,
      env: {},
    });
    for (let i = 0; i < 10; i++) expect((await POST(post("a@example.com"))).status).toBe(302);
  });

  it("reads the X-Auth-Return-Redirect JSON answer too", async () => {
    const POST = limitCredentialsSignIn(async () => Response.json({ url: "http://localhost:3000/sign-in?error=CredentialsSignin&code=credentials" }), {
      throttle: new SignInThrottle(),
      now: () => T0,
      env: {},
    });
    for (let i = 0; i < 5; i++) expect((await POST(post("a@example.com"))).status).toBe(200);
    expect((await POST(post("a@example.com"))).status).toBe(429);
  });

  it("passes other routes through untouched and leaves the body readable for next-auth", async () => {
    let body = "";
    const POST = limitCredentialsSignIn(
      async (req: Request) => {
        body = await req.text();
        return wrongPassword();
      },
      { throttle: new SignInThrottle(), now: () => T0, env: {} },
    );
    await POST(post("a@example.com"));
    expect(new URLSearchParams(body).get("email")).toBe("a@example.com");
    for (let i = 0; i < 10; i++) {
      const res = await POST(new Request("http://localhost:3000/api/auth/signout", { method: "POST", body: "email=a%40example.com", headers: { "content-type": "application/x-www-form-urlencoded" } }));
      expect(res.status).toBe(302);
    }
  });
});
