import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";

// JSON route handlers read the real session cookie (lib/api-request): tests
// sign one with Auth.js's own encoder and this secret.
const SECRET = "integration-test-secret-0123456789-0123456789";
process.env.AUTH_SECRET = SECRET;

const NAME = "authjs.session-token";

/**
 * The Cookie header of a signed-in `userId`, or no header when null: a new
 * session (its own sid) at the user's session version `sv` (0 for a new account).
 */
export async function sessionCookie(userId: string | null, session: { sid?: string; sv?: number } = {}): Promise<Record<string, string>> {
  if (!userId) return {};
  const token = { sub: userId, sid: session.sid ?? randomUUID(), sv: session.sv ?? 0 };
  return { cookie: `${NAME}=${await encode({ token, secret: SECRET, salt: NAME })}` };
}
