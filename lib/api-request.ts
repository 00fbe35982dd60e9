import "server-only";
import { getToken } from "next-auth/jwt";

/**
 * The signed-in user's id for a JSON route handler, or null: the session
 * cookie decrypted and checked (signature, expiry) with Auth.js's own getToken.
 * Unlike auth(), it does not also re-issue the cookie, which cost a second
 * encryption on every review request; pages keep auth() and its rolling expiry.
 */
export async function apiUserId(req: Request): Promise<string | null> {
  const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
  // Behind HTTPS Auth.js names the cookie __Secure-authjs.session-token.
  const token = await getToken({ req, secret: process.env.AUTH_SECRET, secureCookie: proto === "https" });
  return typeof token?.sub === "string" ? token.sub : null;
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
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (origin && host && new URL(origin).host !== host) return "Cross-site requests are not allowed.";
  return null;
}
