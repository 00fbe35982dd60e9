// Where the sign-in limit meets next-auth (docs/decisions/009-security.md).
//
// The limit is enforced inside the Credentials provider's `authorize`, on the
// email next-auth actually checks the password of. Counting a field read from
// the request beforehand let `email=decoy&email=victim` count the decoy while
// next-auth (Object.fromEntries: the last value wins) checked the victim.
// The route wrapper and the sign-in form only translate a refusal into a 429
// or a message: they no longer decide anything.
import { AsyncLocalStorage } from "node:async_hooks";
import { CredentialsSignin } from "@auth/core/errors"; // next-auth re-exports this very class
import { accountKey, clientIp, tooManyAttemptsMessage, type SignInThrottle } from "./rate-limit";

/** Thrown by `authorize` when the account or the address is over the limit: next-auth treats it as a failed sign-in. */
export class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

interface Outcome {
  /** Set when the attempt was refused by the limit, before any password was checked. */
  retryAfterSeconds?: number;
}

const outcome = new AsyncLocalStorage<Outcome>();

interface HeaderReader {
  get(name: string): string | null;
}

export interface LimitedAuthorizeOptions {
  throttle: SignInThrottle;
  /** Request headers (the client's address behind a trusted proxy). */
  headers: HeaderReader;
  env?: Record<string, string | undefined>;
  now?: number;
}

/**
 * Checks a password within the per-account and per-address limits: over the
 * limit it throws TooManyAttempts without calling `verify`; otherwise a wrong
 * password stays counted and a right one clears the account's failures.
 * `email` must be the normalized email `verify` checks (trimmed, lower case).
 */
export async function authorizeWithinLimit<U>(email: string, verify: () => Promise<U | null>, opts: LimitedAuthorizeOptions): Promise<U | null> {
  const gate = await opts.throttle.begin({ account: accountKey(email), ip: clientIp(opts.headers, opts.env) }, opts.now ?? Date.now());
  if (gate.blocked) {
    const slot = outcome.getStore();
    if (slot) slot.retryAfterSeconds = gate.retryAfterSeconds;
    throw new TooManyAttempts();
  }
  let user: U | null;
  try {
    user = await verify();
  } catch (e) {
    await gate.attempt.abandoned();
    throw e;
  }
  if (user) await gate.attempt.succeeded();
  else await gate.attempt.failed();
  return user;
}

/** Runs a sign-in (next-auth's handler or `signIn`) and reports whether the limit refused it. */
export async function runSignIn<T>(fn: () => Promise<T>): Promise<{ result: T; retryAfterSeconds?: number } | { error: unknown; retryAfterSeconds?: number }> {
  const slot: Outcome = {};
  return outcome.run(slot, async () => {
    try {
      return { result: await fn(), retryAfterSeconds: slot.retryAfterSeconds };
    } catch (error) {
      return { error, retryAfterSeconds: slot.retryAfterSeconds };
    }
  });
}

/** Fields of a sign-in POST that must appear once: a repeated one is ambiguous (which one is checked?). */
const SINGLE_FIELDS = ["email", "password", "csrfToken", "callbackUrl"];

/** Why a credentials POST body is refused before next-auth reads it, or null when it is unambiguous. */
export async function ambiguousBody(req: Request): Promise<string | null> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded")) return null; // JSON objects cannot repeat a key that survives parsing
  const params = new URLSearchParams(await req.clone().text());
  const repeated = SINGLE_FIELDS.find((f) => params.getAll(f).length > 1);
  return repeated ? `Send the ${repeated} field once.` : null;
}

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });
}

/**
 * Wraps next-auth's POST handler for `/callback/credentials`: a body with a
 * repeated field gets 400; a sign-in refused by the limit inside `authorize`
 * gets 429 with Retry-After instead of next-auth's error redirect. Other
 * POSTs pass through.
 */
export function limitCredentialsSignIn<R extends Request>(handler: (req: R) => Promise<Response>): (req: R) => Promise<Response> {
  return async (req: R) => {
    if (req.method !== "POST" || !new URL(req.url).pathname.endsWith("/callback/credentials")) return handler(req);
    const ambiguous = await ambiguousBody(req);
    if (ambiguous) return plain(400, ambiguous);
    const run = await runSignIn(() => handler(req));
    if (run.retryAfterSeconds !== undefined) {
      return plain(429, tooManyAttemptsMessage(run.retryAfterSeconds), { "Retry-After": String(run.retryAfterSeconds) });
    }
    if ("error" in run) throw run.error;
    return run.result;
  };
}
