import { createHash } from "node:crypto";

// A short-lived memory of session cookies this process has already decrypted
// and verified (docs/decisions/012). Auth.js's getToken decrypts the JWE
// cookie on every request (about as much CPU as the whole grade); a reviewer
// sends the same cookie hundreds of times. Entries are keyed by a SHA-256 of
// the secret, the cookie's name and its value (never the token itself), hold
// only what verification produced (the claims and the token's expiry), and
// end at the token's own expiry or after TOKEN_CACHE_TTL_MS, whichever comes
// first. Whether the session is still live (signed out, version raised) is
// NOT cached here: the caller asks lib/dal/session-check.ts on every request,
// so a sign-out refuses the cookie from the next request on, as before.

/** How long a verified cookie is trusted without decrypting it again (ms). */
export const TOKEN_CACHE_TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  claims: T;
  /** When to forget it: the token's expiry or TTL after it was verified, whichever is first (ms since epoch). */
  until: number;
}

export class VerifiedTokens<T> {
  // Map order is insertion order: the oldest entry is evicted first.
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    readonly ttlMs = TOKEN_CACHE_TTL_MS,
    readonly maxEntries = MAX_ENTRIES,
  ) {}

  /** The cache key of a cookie: a hash of everything verification depended on (the secret, the cookie's name and its parts). */
  static key(secret: string, cookieName: string, cookieParts: string): string {
    return createHash("sha256").update(secret).update("\0").update(cookieName).update("\0").update(cookieParts).digest("base64url");
  }

  /** The claims verified under `key`, unless they expired (token expiry or TTL) by `now`. */
  get(key: string, now: number): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now >= e.until) {
      this.entries.delete(key);
      return undefined;
    }
    return e.claims;
  }

  /**
   * Remembers claims verified at `now` for a token expiring at `expiresAtMs`
   * (the JWT's exp × 1000). Only verified tokens go in: a refused cookie is
   * never cached, so garbage cookies cannot fill the cache.
   */
  set(key: string, claims: T, expiresAtMs: number, now: number): void {
    const until = Math.min(expiresAtMs, now + this.ttlMs);
    if (!(until > now)) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { claims, until });
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Every cookie of the request whose name starts with `prefix`, as
 * "name=value" pairs sorted by name and joined by ";": what Auth.js's
 * getToken reads as the session (it joins a large token's chunks `name.0`,
 * `name.1`, … the same way). Null when there is none.
 */
export function sessionCookieParts(cookieHeader: string | null, prefix: string): string | null {
  if (!cookieHeader) return null;
  const parts: string[] = [];
  for (const part of cookieHeader.split(";")) {
    const p = part.trim();
    if (p.startsWith(prefix) && p.indexOf("=") >= prefix.length) parts.push(p);
  }
  return parts.length ? parts.sort().join(";") : null;
}
