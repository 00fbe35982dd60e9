import { describe, expect, it } from "vitest";
import { newNonce, pagePolicy } from "./csp";

describe("page Content-Security-Policy", () => {
  it("lets scripts run only with the nonce: no 'unsafe-inline' or eval for scripts in production", () => {
    const csp = pagePolicy("abc123==", { dev: false });
    const scripts = csp.split("; ").find((d) => d.startsWith("script-src "));
    expect(scripts).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("lets the app's own service worker and manifest load, and nobody else's", () => {
    const csp = pagePolicy("n", { dev: false });
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
  });

  it("allows eval only in development", () => {
    expect(pagePolicy("n", { dev: true })).toContain("'strict-dynamic' 'unsafe-eval'");
  });

  it("makes a different, unguessable nonce for every call", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
