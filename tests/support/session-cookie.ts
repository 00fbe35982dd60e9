import { encode } from "next-auth/jwt";

// JSON route handlers read the real session cookie (lib/api-request): tests
// sign one with Auth.js's own encoder and this secret.
const SECRET = "integration-test-secret-0123456789-0123456789";
process.env.AUTH_SECRET = SECRET;

const NAME = "authjs.session-token";

/** The Cookie header of a signed-in `userId`, or no header when null. */
export async function sessionCookie(userId: string | null): Promise<Record<string, string>> {
  if (!userId) return {};
  return { cookie: `${NAME}=${await encode({ token: { sub: userId }, secret: SECRET, salt: NAME })}` };
}
