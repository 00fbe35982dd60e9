import { describe, expect, it } from "vitest";
import { clientAddressOf, normalizeAddress, requestClientAddress, trustedProxyHops } from "./client-address";

describe("trustedProxyHops (TRUST_PROXY)", () => {
  it("is a number of hops; true means one; unset, 0 and false mean none", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: "" })).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: "0" })).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: "false" })).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: "true" })).toBe(1);
    expect(trustedProxyHops({ TRUST_PROXY: "2" })).toBe(2);
  });

  it("refuses anything else instead of guessing", () => {
    for (const v of ["yes", "-1", "1.5", "all"]) expect(() => trustedProxyHops({ TRUST_PROXY: v }), v).toThrow(/TRUST_PROXY/);
  });
});

describe("clientAddressOf (proxy-addr)", () => {
  const req = (socket: string | undefined, xff?: string) => ({ socket: { remoteAddress: socket }, headers: xff === undefined ? {} : { "x-forwarded-for": xff } });

  it("with no trusted proxy is the socket's peer, whatever X-Forwarded-For claims", () => {
    expect(clientAddressOf(req("192.0.2.10"), 0)).toBe("192.0.2.10");
    expect(clientAddressOf(req("192.0.2.10", "203.0.113.7"), 0)).toBe("192.0.2.10");
    expect(clientAddressOf(req("::ffff:192.0.2.10", "203.0.113.7, 198.51.100.1"), 0)).toBe("192.0.2.10");
  });

  it("with N trusted proxies is the Nth entry from the right: a forged left part changes nothing", () => {
    // client 198.51.100.4 → proxy 10.0.0.1 (appends the client) → app; the client forged 203.0.113.7.
    expect(clientAddressOf(req("10.0.0.1", "198.51.100.4"), 1)).toBe("198.51.100.4");
    expect(clientAddressOf(req("10.0.0.1", "203.0.113.7, 198.51.100.4"), 1)).toBe("198.51.100.4");
    // Two proxies: the outer one appended the client, the inner one the outer proxy.
    expect(clientAddressOf(req("10.0.0.1", "203.0.113.7, 198.51.100.4, 10.0.0.2"), 2)).toBe("198.51.100.4");
  });

  it("with fewer entries than trusted hops takes the leftmost, never nothing", () => {
    expect(clientAddressOf(req("10.0.0.1"), 2)).toBe("10.0.0.1");
    expect(clientAddressOf(req("10.0.0.1", "198.51.100.4"), 3)).toBe("198.51.100.4");
  });
});

describe("normalizeAddress", () => {
  it("unmaps IPv4-in-IPv6, drops ports, lower-cases IPv6 and bounds anything else", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("192.0.2.1:5555")).toBe("192.0.2.1");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("x".repeat(500))!.length).toBe(64);
    expect(normalizeAddress("")).toBeNull();
  });
});

describe("requestClientAddress", () => {
  it("under Recall's server reads only the header it set (random name), ignoring forwarding headers", () => {
    const env = { RECALL_CLIENT_ADDRESS_HEADER: "x-recall-client-abc", TRUST_PROXY: "1" };
    const h = new Headers({ "x-recall-client-abc": "192.0.2.10", "x-forwarded-for": "203.0.113.7" });
    expect(requestClientAddress(h, env)).toBe("192.0.2.10");
  });

  it("under plain next start (no socket seen) knows no address, and never believes X-Forwarded-For", () => {
    const h = new Headers({ "x-forwarded-for": "203.0.113.7, 198.51.100.4" });
    expect(requestClientAddress(h, {})).toBeNull();
    expect(requestClientAddress(h, { TRUST_PROXY: "1" })).toBeNull();
  });
});
