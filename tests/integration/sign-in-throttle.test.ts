import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signInFailureStore } from "@/lib/dal/sign-in-failures";
import { SignInThrottle } from "@/lib/rate-limit";

const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
const sec = (n: number) => T0 + n * 1000;

describe("sign-in failures in the database", () => {
  it("two app instances enforce one limit: of 8 parallel attempts at one account, 5 are let through", async () => {
    // Two throttles over the same table stand for two app instances.
    const a = new SignInThrottle(signInFailureStore);
    const b = new SignInThrottle(signInFailureStore);
    const keys = { account: "account:victim@example.com", ip: null };
    const gates = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).begin(keys, sec(0))));
    expect(gates.filter((g) => !g.blocked)).toHaveLength(5);
    expect(await a.begin(keys, sec(15))).toEqual({ blocked: true, retryAfterSeconds: 45 });
    const row = await db.signInThrottleKey.findUniqueOrThrow({ where: { key: keys.account } });
    expect(JSON.parse(row.times)).toEqual([sec(0), sec(0), sec(0), sec(0), sec(0)]);
    // The lock ends with the window.
    expect((await b.begin(keys, sec(60))).blocked).toBe(false);
  });

  it("a success on one instance clears the account for the others", async () => {
    const a = new SignInThrottle(signInFailureStore);
    const b = new SignInThrottle(signInFailureStore);
    const keys = { account: "account:forgetful@example.com", ip: null };
    for (let i = 0; i < 4; i++) {
      const g = await a.begin(keys, sec(i));
      if (g.blocked) throw new Error("blocked too early");
    }
    const ok = await b.begin(keys, sec(4));
    if (ok.blocked) throw new Error("blocked too early");
    await ok.attempt.succeeded();
    for (let i = 0; i < 5; i++) expect((await a.begin(keys, sec(5 + i))).blocked).toBe(false);
    expect((await a.begin(keys, sec(10))).blocked).toBe(true);
  });

  it("purging forgets keys whose failures have all left the window, and keeps the rest", async () => {
    await signInFailureStore.write("ip:198.51.100.1", [sec(0)], null, sec(0));
    await signInFailureStore.write("ip:198.51.100.2", [sec(30)], null, sec(30));
    await signInFailureStore.purge(sec(60) - 60_000);
    expect(await signInFailureStore.read("ip:198.51.100.1")).toBeNull();
    expect(await signInFailureStore.read("ip:198.51.100.2")).toEqual({ times: [sec(30)], version: 1 });
  });

  it("a write that names a stale version is refused", async () => {
    await signInFailureStore.write("ip:203.0.113.9", [sec(0)], null, sec(0));
    expect(await signInFailureStore.write("ip:203.0.113.9", [sec(1)], null, sec(1))).toBe(false);
    expect(await signInFailureStore.write("ip:203.0.113.9", [sec(0), sec(1)], 1, sec(1))).toBe(true);
    expect(await signInFailureStore.write("ip:203.0.113.9", [sec(2)], 1, sec(2))).toBe(false);
    expect(await signInFailureStore.read("ip:203.0.113.9")).toEqual({ times: [sec(0), sec(1)], version: 2 });
  });
});
