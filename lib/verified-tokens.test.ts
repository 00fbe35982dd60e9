import { describe, expect, it } from "vitest";
import { sessionCookieParts, VerifiedTokens } from "./verified-tokens";

describe("VerifiedTokens", () => {
  const T0 = 1_800_000_000_000;

  it("gives back what was verified until the TTL runs out, then forgets it", () => {
    const cache = new VerifiedTokens<string>(60_000);
    cache.set("k", "claims", T0 + 3_600_000, T0);
    expect(cache.get("k", T0 + 59_999)).toBe("claims");
    expect(cache.get("k", T0 + 60_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("never outlives the token's own expiry, however long the TTL", () => {
    const cache = new VerifiedTokens<string>(60_000);
    cache.set("k", "claims", T0 + 10_000, T0);
    expect(cache.get("k", T0 + 9_999)).toBe("claims");
    expect(cache.get("k", T0 + 10_000)).toBeUndefined();
  });

  it("does not keep a token that has already expired", () => {
    const cache = new VerifiedTokens<string>(60_000);
    cache.set("k", "claims", T0, T0);
    expect(cache.get("k", T0)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("holds at most maxEntries, evicting the oldest first", () => {
    const cache = new VerifiedTokens<string>(60_000, 2);
    cache.set("a", "A", T0 + 3_600_000, T0);
    cache.set("b", "B", T0 + 3_600_000, T0);
    cache.set("c", "C", T0 + 3_600_000, T0);
    expect(cache.size).toBe(2);
    expect(cache.get("a", T0)).toBeUndefined();
    expect(cache.get("c", T0)).toBe("C");
  });

  it("keys depend on the secret, the cookie's name and its value", () => {
    const k = VerifiedTokens.key("secret-1", "authjs.session-token", "authjs.session-token=abc");
    expect(VerifiedTokens.key("secret-1", "authjs.session-token", "authjs.session-token=abc")).toBe(k);
    expect(VerifiedTokens.key("secret-2", "authjs.session-token", "authjs.session-token=abc")).not.toBe(k);
    expect(VerifiedTokens.key("secret-1", "__Secure-authjs.session-token", "authjs.session-token=abc")).not.toBe(k);
    expect(VerifiedTokens.key("secret-1", "authjs.session-token", "authjs.session-token=abd")).not.toBe(k);
    expect(k).not.toContain("abc");
  });
});

describe("sessionCookieParts", () => {
  const NAME = "authjs.session-token";
  it("finds the session cookie among others, and nothing when it is absent", () => {
    expect(sessionCookieParts(`authjs.csrf-token=x; ${NAME}=tok; other=1`, NAME)).toBe(`${NAME}=tok`);
    expect(sessionCookieParts("authjs.csrf-token=x; other=1", NAME)).toBeNull();
    expect(sessionCookieParts(null, NAME)).toBeNull();
  });

  it("takes every chunk of a split token, in name order whatever the header's order", () => {
    expect(sessionCookieParts(`${NAME}.1=b; x=1; ${NAME}.0=a`, NAME)).toBe(`${NAME}.0=a;${NAME}.1=b`);
  });
});
