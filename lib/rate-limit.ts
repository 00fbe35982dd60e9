// Sign-in throttling (docs/decisions/009-security.md).
import { requestClientAddress } from "./client-address";
//
// The limiter's logic is pure: every call takes `now`, so tests move time by
// hand. Failures live in a FailureStore: in memory for tests, in the database
// for the app (lib/dal/sign-in-failures.ts), so that several app instances
// enforce one limit between them.

export interface RateLimitPolicy {
  /** Failures allowed within the window; the next attempt is refused. */
  limit: number;
  windowMs: number;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Sign-in: 5 failures within a sliding minute per account. */
export const SIGN_IN_POLICY: RateLimitPolicy = { limit: 5, windowMs: 60_000 };

/**
 * Per client address: 20 failed sign-ins or refused sign-ups within a sliding
 * 10 minutes (then one more every 30 s on average). Looser than the account's
 * limit, since several learners may share an address (a school, a household),
 * and tight enough to slow spraying guesses over many accounts.
 */
export const ADDRESS_POLICY: RateLimitPolicy = { limit: 20, windowMs: 10 * 60_000 };

/** The longest window: a key with no failure within it can be forgotten. */
const LONGEST_WINDOW_MS = Math.max(SIGN_IN_POLICY.windowMs, ADDRESS_POLICY.windowMs);

/** One key's recorded failure times (ms, oldest first) and the version they were read at. */
export interface FailureRecord {
  times: number[];
  version: number;
}

/**
 * Where failures are kept. Writes are compare-and-swap on the version read, so
 * two instances updating one key never lose each other's failures.
 */
export interface FailureStore {
  read(key: string): Promise<FailureRecord | null>;
  /** Stores `times` if the key is still at `expected` (null: absent); false when another writer came first. */
  write(key: string, times: number[], expected: number | null, now: number): Promise<boolean>;
  /** Forgets keys with no failure after `before`. */
  purge(before: number): Promise<void>;
}

/** The store for tests and tools: this process only, bounded in size. */
export class MemoryFailureStore implements FailureStore {
  private readonly rows = new Map<string, FailureRecord & { touched: number }>();

  /**
   * Bounds memory when someone sprays keys (emails, addresses): past `maxKeys`,
   * keys with no failure within `windowMs` go first, then the least recently written.
   */
  constructor(
    readonly maxKeys = 50_000,
    readonly windowMs = LONGEST_WINDOW_MS,
  ) {}

  async read(key: string): Promise<FailureRecord | null> {
    const row = this.rows.get(key);
    return row ? { times: [...row.times], version: row.version } : null;
  }

  async write(key: string, times: number[], expected: number | null, now: number): Promise<boolean> {
    const row = this.rows.get(key);
    if ((row?.version ?? null) !== expected) return false;
    this.rows.delete(key); // re-insert: Map order is then least recently touched first
    this.rows.set(key, { times: [...times], version: (expected ?? 0) + 1, touched: now });
    if (this.rows.size > this.maxKeys) this.evict(now);
    return true;
  }

  async purge(before: number): Promise<void> {
    for (const [key, row] of this.rows) if (row.touched <= before) this.rows.delete(key);
  }

  get size(): number {
    return this.rows.size;
  }

  private evict(now: number): void {
    for (const [key, row] of this.rows) if (row.times.every((t) => t <= now - this.windowMs)) this.rows.delete(key);
    const target = Math.floor(this.maxKeys * 0.9);
    for (const key of this.rows.keys()) {
      if (this.rows.size <= target) break;
      this.rows.delete(key);
    }
  }
}

/**
 * A sliding-window log: per key, the times of the latest `limit` recorded
 * failures. A key is refused while `limit` of them lie within the last
 * `windowMs`, and allowed again as soon as the oldest of those expires, so a
 * lock never outlives the window (nobody can be locked out for good, and
 * refused attempts are not recorded, so they cannot extend it).
 */
export class SlidingWindowLimiter {
  constructor(
    readonly policy: RateLimitPolicy,
    readonly store: FailureStore = new MemoryFailureStore(),
  ) {}

  private live(times: number[], now: number): number[] {
    return times.filter((t) => t > now - this.policy.windowMs);
  }

  private decide(times: number[], now: number): LimitDecision {
    const live = this.live(times, now);
    if (live.length < this.policy.limit) return { allowed: true };
    const freeAt = live[live.length - this.policy.limit] + this.policy.windowMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
  }

  async check(key: string, now: number): Promise<LimitDecision> {
    return this.decide((await this.store.read(key))?.times ?? [], now);
  }

  /** Applies `change` to the key's live failures until the write wins; `change` may refuse (returns null). */
  private async update(key: string, now: number, change: (live: number[]) => number[] | null): Promise<boolean> {
    for (;;) {
      const row = await this.store.read(key);
      const next = change(this.live(row?.times ?? [], now));
      if (!next) return false;
      if (await this.store.write(key, next.sort((a, b) => a - b).slice(-this.policy.limit), row?.version ?? null, now)) return true;
    }
  }

  /** Records a failure at `now` unless the key is over the limit: check and record in one step, across instances. */
  async admit(key: string, now: number): Promise<LimitDecision> {
    let refused: LimitDecision = { allowed: true };
    const ok = await this.update(key, now, (live) => {
      const d = this.decide(live, now);
      if (!d.allowed) {
        refused = d;
        return null;
      }
      return [...live, now];
    });
    return ok ? { allowed: true } : refused;
  }

  /** Takes back one failure recorded at `at` (an attempt that turned out not to be one). */
  async remove(key: string, at: number, now = at): Promise<void> {
    await this.update(key, now, (live) => {
      const i = live.indexOf(at);
      return i < 0 ? null : live.filter((_, j) => j !== i);
    });
  }

  async reset(key: string, now: number): Promise<void> {
    await this.update(key, now, (live) => (live.length ? [] : null));
  }
}

/** What to do once the outcome of an admitted sign-in attempt is known. */
export interface SignInAttempt {
  /** Right password: the account's counter is cleared (the IP's is not, or one valid account would reset it). */
  succeeded(): Promise<void>;
  /** Wrong email or password: the failure counted when the attempt was admitted stays. */
  failed(): Promise<void>;
  /** No password was checked (CSRF failure, server error): the attempt is not counted. */
  abandoned(): Promise<void>;
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
 * waits ~100 ms on argon2), on this instance or another, cannot all slip past
 * the check before any failure is recorded.
 */
export class SignInThrottle {
  private purgedAt = 0;

  constructor(
    readonly store: FailureStore = new MemoryFailureStore(),
    readonly accounts = new SlidingWindowLimiter(SIGN_IN_POLICY, store),
    readonly ips = new SlidingWindowLimiter(ADDRESS_POLICY, store),
  ) {}

  async begin(keys: SignInKeys, now: number): Promise<SignInGate> {
    await this.purge(now);
    const checks: [SlidingWindowLimiter, string][] = [];
    if (keys.account) checks.push([this.accounts, keys.account]);
    if (keys.ip) checks.push([this.ips, keys.ip]);
    // The longest wait when both keys are locked.
    let wait = 0;
    for (const [limiter, key] of checks) {
      const d = await limiter.check(key, now);
      if (!d.allowed) wait = Math.max(wait, d.retryAfterSeconds);
    }
    if (wait > 0) return { blocked: true, retryAfterSeconds: wait };
    const admitted: [SlidingWindowLimiter, string][] = [];
    for (const [limiter, key] of checks) {
      const d = await limiter.admit(key, now);
      if (!d.allowed) {
        // Another attempt filled the window since the check: undo ours.
        for (const [l, k] of admitted) await l.remove(k, now);
        return { blocked: true, retryAfterSeconds: d.retryAfterSeconds };
      }
      admitted.push([limiter, key]);
    }
    const takeBack = () => Promise.all(checks.map(([limiter, key]) => limiter.remove(key, now))).then(() => undefined);
    return {
      blocked: false,
      attempt: {
        succeeded: async () => {
          if (keys.account) await this.accounts.reset(keys.account, now);
          if (keys.ip) await this.ips.remove(keys.ip, now);
        },
        failed: async () => {},
        abandoned: takeBack,
      },
    };
  }

  /** A sign-in that needed no check (straight after sign-up): clears the account's counter. */
  async clearAccount(account: string | null, now: number): Promise<void> {
    if (account) await this.accounts.reset(account, now);
  }

  /** At most once a minute: forgets keys whose failures have all expired. */
  private async purge(now: number): Promise<void> {
    if (now - this.purgedAt < SIGN_IN_POLICY.windowMs) return;
    this.purgedAt = now;
    await this.store.purge(now - LONGEST_WINDOW_MS);
  }
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

/** The key of the client's address (lib/client-address.ts), or null when it cannot be known. */
export function clientIp(headers: HeaderReader, env: Record<string, string | undefined> = process.env): string | null {
  const address = requestClientAddress(headers, env);
  return address ? `ip:${address}` : null;
}

/** "Too many attempts. Try again in 45 seconds." (in minutes from 2 minutes on). */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const s = Math.max(1, Math.ceil(retryAfterSeconds));
  if (s >= 120) return `Too many attempts. Try again in ${Math.ceil(s / 60)} minutes.`;
  return `Too many attempts. Try again in ${s} ${s === 1 ? "second" : "seconds"}.`;
}
