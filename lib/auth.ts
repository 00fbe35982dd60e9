import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { SignInSchema, safeRedirectTarget } from "@/lib/validation/auth";
import { verifyUserCredentials } from "@/lib/dal/users";
import { signInThrottle } from "@/lib/dal/sign-in-failures";
import { isSessionLive, newSessionClaims, revokeSession, sessionClaims } from "@/lib/dal/session-check";
import { authorizeWithinLimit } from "@/lib/sign-in-limit";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
  interface User {
    sessionVersion?: number;
  }
}

/** How long a session lasts without use (s); each page view renews it. */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

// Stateless JWT sessions signed with AUTH_SECRET: they survive a restart and
// work across several app instances. Each token carries a session id and the
// user's session version, checked against the database (one prepared read,
// no cache) on every request, so a sign-out, "sign out everywhere" or a password
// change ends it on every process (lib/dal/session-check.ts, docs/decisions/020).
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // The sign-in limit is enforced here, on the very email whose password is
      // checked, however the request was shaped (lib/sign-in-limit.ts).
      async authorize(raw, request) {
        const parsed = SignInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const user = await authorizeWithinLimit(email, () => verifyUserCredentials(email, password), { throttle: signInThrottle, headers: request.headers });
        return user ? { id: user.id, email: user.email, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) return { ...token, ...newSessionClaims(user.id, user.sessionVersion ?? 0) };
      // null: next-auth treats the session as signed out and clears the cookie.
      return (await isSessionLive(sessionClaims(token))) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
    // Where next-auth itself redirects (callbackUrl): only a path of this site,
    // sent as a relative Location so the browser stays on the host it used
    // (next-auth's baseUrl is Next's own idea of the host, "localhost").
    redirect({ url, baseUrl }) {
      return safeRedirectTarget(url, baseUrl);
    },
  },
  events: {
    // Both the sign-out form and POST /api/auth/signout: the token is refused from now on.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      const claims = sessionClaims(token);
      if (claims) await revokeSession(claims, new Date(typeof token?.exp === "number" ? token.exp * 1000 : Date.now() + SESSION_MAX_AGE_S * 1000));
    },
  },
});
