// Sign-in throttling (docs/decisions/009-security.md).
//
// The limiter is pure apart from its in-memory store: every call takes `now`,
// so tests move time by hand. The store lives in this process only; several
// app instances (the PostgreSQL deployment) would each count on their own and
// need a shared store (e.g. a table or Redis) to enforce one limit.

export interface RateLimitPolicy {
  /** Failures allowed within the window; the next attempt is refused. */
  limit: number;
  windowMs: number;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Sign-in: 5 failures within a sliding minute, per account and per client IP. */
export const SIGN_IN_POLICY: RateLimitPolicy = { limit: 5, windowMs: 60_000 };

/**
 * A sliding-window log: per key, the times of the latest `limit` recorded
 * failures. A key is refused while `limit` of them lie within the last
 * `windowMs`, and allowed again as soon as the oldest of those expires, so a
 * lock never outlives the window (nobody can be locked out for good, and
 * refused attempts are not recorded, so they cannot extend it).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly policy: RateLimitPolicy,
    /** Bounds memory when someone sprays keys (emails, forged addresses). */
    readonly maxKeys = 50_000,
  ) {}

  /** The key's failures still inside the window at `now`, oldest first. */
  private live(key: string, now: number): number[] {
    const times = this.hits.get(key);
    if (!times) return [];
    const from = now - this.policy.windowMs;
    const kept = times.filter((t) => t > from);
    if (kept.length === 0) this.hits.delete(key);
    else if (kept.length !== times.length) this.hits.set(key, kept);
    return kept;
  }

  check(key: string, now: number): LimitDecision {
    const times = this.live(key, now);
    if (times.length < this.policy.limit) return { allowed: true };
    const freeAt = times[times.length - this.policy.limit] + this.policy.windowMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
  }

  record(key: string, now: number): void {
    const times = [...this.live(key, now), now].sort((a, b) => a - b).slice(-this.policy.limit);
    this.hits.delete(key); // re-insert: Map order is then least recently touched first
    this.hits.set(key, times);
    if (this.hits.size > this.maxKeys) this.evict(now);
  }

  /** Takes back one failure recorded at `at` (an attempt that turned out not to be one). */
  remove(key: string, at: number): void {
    const times = this.hits.get(key);
    if (!times) return;
    const i = times.indexOf(at);
    if (i < 0) return;
    times.splice(i, 1);
    if (times.length === 0) this.hits.delete(key);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  get size(): number {
    return this.hits.size;
  }

  private evict(now: number): void {
    for (const key of [...this.hits.keys()]) this.live(key, now);
    const target = Math.floor(this.maxKeys * 0.9);
    for (const key of this.hits.keys()) {
      if (this.hits.size <= target) break;
      this.hits.delete(key);
    }
  }
}

/** What to do once the outcome of an admitted sign-in attempt is known. */
export interface SignInAttempt {
  /** Right password: the account's counter is cleared (the IP's is not, or one valid account would reset it). */
  succeeded(): void;
  /** Wrong email or password: the failure counted when the attempt was admitted stays. */
  failed(): void;
  /** No password was checked (CSRF failure, server error): the attempt is not counted. */
  abandoned(): void;
}

export type SignInGate = { blocked: true; retryAfterSeconds: number } | { blocked: false; attempt: SignInAttempt };

export interface SignInKeys {
  /** Normalized email (accountKey), or null. */
  account: string | null;
  /** Client IP (clientIp), or null when it cannot be trusted. */
  ip: string | null;
}

/**
 * Per-account and per-IP limits on sign-in. An admitted attempt is counted as a
 * failure at once and taken back when it succeeds: parallel attempts (each
 * waits ~100 ms on argon2) cannot all slip past the check before any failure
 * is recorded.
 */
export class SignInThrottle {
  constructor(
    readonly accounts = new SlidingWindowLimiter(SIGN_IN_POLICY),
    readonly ips = new SlidingWindowLimiter(SIGN_IN_POLICY),
  ) {}

  begin(keys: SignInKeys, now: number): SignInGate {
    const checks: [SlidingWindowLimiter, string][] = [];
    if (keys.account) checks.push([this.accounts, keys.account]);
    if (keys.ip) checks.push([this.ips, keys.ip]);
    let wait = 0;
    for (const [limiter, key] of checks) {
      const d = limiter.check(key, now);
      if (!d.allowed) wait = Math.max(wait, d.retryAfterSeconds);
    }
    if (wait > 0) return { blocked: true, retryAfterSeconds: wait };
    for (const [limiter, key] of checks) limiter.record(key, now);
    const takeBack = () => checks.forEach(([limiter, key]) => limiter.remove(key, now));
    return {
      blocked: false,
      attempt: {
        succeeded: () => {
          if (keys.account) this.accounts.reset(keys.account);
          if (keys.ip) this.ips.remove(keys.ip, now);
        },
        failed: () => {},
        abandoned: takeBack,
      },
    };
  }

  /** A sign-in that needed no check (straight after sign-up): clears the account's counter. */
  clearAccount(account: string | null): void {
    if (account) this.accounts.reset(account);
  }
}

const GLOBAL_KEY = Symbol.for("recall.signInThrottle");

/**
 * The process-wide throttle, kept on globalThis so that the route handler and
 * the server actions (bundled as separate entries) count in the same store.
 */
export function signInThrottle(): SignInThrottle {
  const g = globalThis as typeof globalThis & { [GLOBAL_KEY]?: SignInThrottle };
  return (g[GLOBAL_KEY] ??= new SignInThrottle());
}

/** The account an attempt is about, normalized as the sign-in schema does (trim, lower case). */
export function accountKey(email: unknown): string | null {
  if (typeof email !== "string") return null;
  const e = email.trim().toLowerCase().slice(0, 254);
  return e ? `account:${e}` : null;
}

interface HeaderReader {
  get(name: string): string | null;
}

/**
 * The client's IP, or null when it cannot be known. Only behind a proxy we
 * trust (TRUST_PROXY set) do forwarding headers name the client: the first hop
 * of X-Forwarded-For (the proxy must overwrite, not append to, a header the
 * client sent), else X-Real-IP. Without TRUST_PROXY they are the client's own
 * claim: Next fills X-Forwarded-For from the socket only when the client sent
 * none, and neither route handlers nor server actions see the socket.
 */
export function clientIp(headers: HeaderReader, env: Record<string, string | undefined> = process.env): string | null {
  const trust = env.TRUST_PROXY;
  if (!trust || trust === "0" || trust.toLowerCase() === "false") return null;
  const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim();
  return first ? `ip:${first.slice(0, 64)}` : null;
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const s = Math.max(1, Math.ceil(retryAfterSeconds));
  return `Too many attempts. Try again in ${s} ${s === 1 ? "second" : "seconds"}.`;
}

const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?=/;

type CredentialsOutcome = "success" | "failure" | "other";

/** Reads next-auth's answer: a redirect (or `{ url }` for X-Auth-Return-Redirect) with `error=CredentialsSignin` on a wrong password. */
async function credentialsOutcome(res: Response): Promise<CredentialsOutcome> {
  let url = res.headers.get("location");
  if (!url && res.headers.get("content-type")?.includes("application/json")) {
    url = await res
      .clone()
      .json()
      .then((b: { url?: unknown }) => (typeof b?.url === "string" ? b.url : null))
      .catch(() => null);
  }
  if (!url) return "other";
  const error = new URL(url, "http://localhost").searchParams.get("error");
  if (error === "CredentialsSignin") return "failure";
  if (error) return "other";
  return res.headers.getSetCookie().some((c) => SESSION_COOKIE.test(c)) ? "success" : "other";
}

/** The email field of a next-auth POST (form-encoded or JSON, as @auth/core accepts). */
async function emailOf(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) return ((await req.clone().json()) as { email?: unknown })?.email;
    if (type.includes("application/x-www-form-urlencoded")) return new URLSearchParams(await req.clone().text()).get("email");
  } catch {
    // An unreadable body is next-auth's to refuse.
  }
  return null;
}

export interface LimitOptions {
  throttle?: SignInThrottle;
  now?: () => number;
  env?: Record<string, string | undefined>;
}

/**
 * Wraps next-auth's POST handler: a credentials sign-in over the limit gets
 * 429 with Retry-After before any password is checked; the outcome of an
 * admitted one is read from next-auth's redirect. Other POSTs pass through.
 */
export function limitCredentialsSignIn<R extends Request>(handler: (req: R) => Promise<Response>, opts: LimitOptions = {}): (req: R) => Promise<Response> {
  return async (req: R) => {
    if (req.method !== "POST" || !new URL(req.url).pathname.endsWith("/callback/credentials")) return handler(req);
    const throttle = opts.throttle ?? signInThrottle();
    const gate = throttle.begin({ account: accountKey(await emailOf(req)), ip: clientIp(req.headers, opts.env) }, (opts.now ?? Date.now)());
    if (gate.blocked) {
      return new Response(tooManyAttemptsMessage(gate.retryAfterSeconds), {
        status: 429,
        headers: { "Retry-After": String(gate.retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
    }
    let res: Response;
    try {
      res = await handler(req);
    } catch (e) {
      gate.attempt.abandoned();
      throw e;
    }
    const outcome = await credentialsOutcome(res);
    if (outcome === "success") gate.attempt.succeeded();
    else if (outcome === "failure") gate.attempt.failed();
    else gate.attempt.abandoned();
    return res;
  };
}
