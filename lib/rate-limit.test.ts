import { describe, expect, it } from "vitest";
import { accountKey, clientIp, MemoryFailureStore, SignInThrottle, SlidingWindowLimiter, tooManyAttemptsMessage } from "./rate-limit";

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
    const store = new MemoryFailureStore(100, policy.windowMs);
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
    // The address has 5 of its 20 failures: 15 more through either instance lock it for both.
    for (let i = 0; i < 15; i++) expect((await (i % 2 ? a : b).begin({ account: null, ip: keys.ip }, sec(1))).blocked).toBe(false);
    expect(await a.begin({ account: null, ip: keys.ip }, sec(2))).toMatchObject({ blocked: true });
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
    // The first address still carries its 4 failures (the success was not counted): 16 more lock it.
    for (let i = 0; i < 16; i++) expect((await t.begin({ account: `account:b${i}@example.com`, ip: keys.ip }, sec(11))).blocked).toBe(false);
    expect(await t.begin({ account: "account:c@example.com", ip: keys.ip }, sec(12))).toMatchObject({ blocked: true });
  });

  it("locks the account whatever the address (5 a minute), and the address whatever the account (20 in 10 minutes)", async () => {
    const t = new SignInThrottle();
    for (let i = 0; i < 5; i++) await t.begin({ account: "account:victim@example.com", ip: `ip:10.0.0.${i}` }, sec(i));
    expect(await t.begin({ account: "account:victim@example.com", ip: "ip:10.0.0.99" }, sec(5))).toEqual({ blocked: true, retryAfterSeconds: 55 });
    for (let i = 0; i < 20; i++) expect((await t.begin({ account: `account:user${i}@example.com`, ip: "ip:10.9.9.9" }, sec(i))).blocked).toBe(false);
    expect(await t.begin({ account: "account:fresh@example.com", ip: "ip:10.9.9.9" }, sec(30))).toEqual({ blocked: true, retryAfterSeconds: 570 });
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
    for (let i = 0; i < 5; i++) await t.begin({ account: keys.account, ip: null }, sec(i));
    for (let i = 0; i < 20; i++) await t.begin({ account: null, ip: keys.ip }, sec(20 + i));
    expect(await t.begin(keys, sec(50))).toEqual({ blocked: true, retryAfterSeconds: 570 });
  });
});

describe("keys and messages", () => {
  it("normalizes the account like the sign-in schema", async () => {
    expect(accountKey("  Alice@Example.COM ")).toBe("account:alice@example.com");
    expect(accountKey("")).toBeNull();
    expect(accountKey(undefined)).toBeNull();
    expect(accountKey("x".repeat(10_000))!.length).toBeLessThanOrEqual(254 + "account:".length);
  });

  it("keys the client address Recall's server worked out (lib/client-address.ts), never a forwarding header itself", async () => {
    const h = new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1", "x-real-ip": "10.0.0.2", "x-recall-client-1": "192.0.2.1" });
    expect(clientIp(h, { TRUST_PROXY: "1" })).toBeNull();
    expect(clientIp(h, { RECALL_CLIENT_ADDRESS_HEADER: "x-recall-client-1" })).toBe("ip:192.0.2.1");
    expect(clientIp(new Headers(), { RECALL_CLIENT_ADDRESS_HEADER: "x-recall-client-1" })).toBeNull();
  });

  it("says how long to wait", async () => {
    expect(tooManyAttemptsMessage(45)).toBe("Too many attempts. Try again in 45 seconds.");
    expect(tooManyAttemptsMessage(1)).toBe("Too many attempts. Try again in 1 second.");
    expect(tooManyAttemptsMessage(570)).toBe("Too many attempts. Try again in 10 minutes.");
  });
});
