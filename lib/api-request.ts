import "server-only";
import { getToken } from "next-auth/jwt";
import { isSessionLive, sessionClaims, type SessionClaims } from "@/lib/dal/session-check";
import { sessionCookieParts, VerifiedTokens } from "@/lib/verified-tokens";
import { BodyTooLargeError, readBodyText, tooLargeMessage } from "@/lib/request-body";

// Cookies this process verified lately (lib/verified-tokens.ts); on globalThis
// because Next bundles each route handler separately.
const shared = globalThis as unknown as { recallVerifiedTokens?: VerifiedTokens<SessionClaims> };
const verified = (shared.recallVerifiedTokens ??= new VerifiedTokens<SessionClaims>());

/**
 * The signed-in user's id for a JSON route handler, or null: the session
 * cookie decrypted and checked (signature, expiry) with Auth.js's own getToken,
 * then checked to be live (not signed out, version current: lib/dal/session-check.ts)
 * on every request. A cookie verified within the last minute is not decrypted
 * again (lib/verified-tokens.ts: never past its own expiry).
 * Unlike auth(), it does not also re-issue the cookie, which cost a second
 * encryption on every review request; pages keep auth() and its rolling expiry.
 */
export async function apiUserId(req: Request): Promise<string | null> {
  // req.url is absolute: its scheme is read without parsing the whole URL.
  const proto = req.headers.get("x-forwarded-proto") ?? (req.url.startsWith("https:") ? "https" : "http");
  // Behind HTTPS Auth.js names the cookie __Secure-authjs.session-token.
  const secureCookie = proto === "https";
  const name = secureCookie ? "__Secure-authjs.session-token" : "authjs.session-token";
  const parts = sessionCookieParts(req.headers.get("cookie"), name);
  if (!parts) return null;
  const secret = process.env.AUTH_SECRET;
  const key = VerifiedTokens.key(secret ?? "", name, parts);
  const now = Date.now();
  let claims = verified.get(key, now) ?? null;
  if (!claims) {
    const token = await getToken({ req, secret, secureCookie });
    claims = sessionClaims(token);
    if (claims && typeof token?.exp === "number") verified.set(key, claims, token.exp * 1000, now);
  }
  return claims && (await isSessionLive(claims)) ? claims.sub : null;
}

/**
 * A JSON answer, never cached. `no-transform` also keeps Next from gzipping it:
 * these answers are a few hundred bytes, and setting up a gzip stream for each
 * cost more time than the whole database work (npm run bench:load).
 */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store, no-transform", ...headers } });
}

/**
 * Refuses cross-site writes: the body must be JSON (a cross-site form cannot
 * send that without a CORS preflight, which this app never allows) and an
 * Origin header, when the browser sends one, must be this site's.
 */
export function crossSiteProblem(req: Request): string | null {
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) return "Send JSON (Content-Type: application/json).";
  const origin = req.headers.get("origin");
  if (origin !== null && !isSameOrigin(origin, req.headers.get("x-forwarded-host") ?? req.headers.get("host"))) return CROSS_SITE;
  return null;
}

export const CROSS_SITE = "Cross-site requests are not allowed.";

/**
 * Whether an Origin header names this site (`host`: the Host the request was
 * sent to). "null" (sandboxed frames, file: pages, some redirects), anything
 * unparsable and a missing Host are not this site.
 */
export function isSameOrigin(origin: string, host: string | null): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** What the JSON API reads of a body at most (bytes): its requests are a few hundred bytes. */
export const JSON_BODY_MAX_BYTES = 8 * 1024;

/**
 * The request's JSON body, read up to `maxBytes`: `{ value }` (undefined when
 * it is not JSON, for the route's schema to refuse), or `{ response }` with 413
 * when the body is larger.
 */
export async function readJson(req: Request, maxBytes = JSON_BODY_MAX_BYTES): Promise<{ value: unknown } | { response: Response }> {
  let text: string;
  try {
    text = await readBodyText(req, maxBytes);
  } catch (e) {
    if (e instanceof BodyTooLargeError) return { response: json({ error: tooLargeMessage(maxBytes) }, 413) };
    throw e;
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { value: undefined };
  }
}
