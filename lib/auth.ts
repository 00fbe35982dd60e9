import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { SignInSchema } from "@/lib/validation/auth";
import { verifyUserCredentials } from "@/lib/dal/users";
import { signInThrottle } from "@/lib/dal/sign-in-failures";
import { authorizeWithinLimit } from "@/lib/sign-in-limit";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

// Stateless JWT sessions signed with AUTH_SECRET: they survive a restart and
// work across several app instances; the DAL still checks the user exists.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
        return user ? { id: user.id, email: user.email } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
