import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { limitCredentialsSignIn } from "@/lib/sign-in-limit";
import { withBodyLimit } from "@/lib/request-body";

export const { GET } = handlers;

/** next-auth's forms (sign-in, sign-out, CSRF token, callback URL) are well under 1 kB. */
const AUTH_BODY_MAX_BYTES = 8 * 1024;

// Credentials sign-in is limited per account and per client address inside
// `authorize`; this wrapper refuses ambiguous bodies and turns a refusal into
// 429 with Retry-After. Every POST body is read at most 8 kB (413 beyond).
export const POST = withBodyLimit(
  limitCredentialsSignIn(handlers.POST),
  AUTH_BODY_MAX_BYTES,
  (req, body) => {
    const headers = new Headers(req.headers);
    headers.delete("content-length"); // the text may re-encode to another length
    return new NextRequest(req.url, { method: req.method, headers, body });
  },
);
