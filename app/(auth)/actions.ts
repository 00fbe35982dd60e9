"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { createUser } from "@/lib/dal/users";
import { signInThrottle } from "@/lib/dal/sign-in-failures";
import { accountKey, clientIp, tooManyAttemptsMessage } from "@/lib/rate-limit";
import { runSignIn } from "@/lib/sign-in-limit";
import { safeNextPath, SignInSchema, SignUpSchema } from "@/lib/validation/auth";

export interface AuthFormState {
  error?: string;
  fieldErrors?: Partial<Record<"email" | "password", string>>;
  email?: string;
}

function firstErrors(issues: { path: PropertyKey[]; message: string }[]): AuthFormState["fieldErrors"] {
  const out: AuthFormState["fieldErrors"] = {};
  for (const i of issues) {
    const key = i.path[0];
    if ((key === "email" || key === "password") && !out[key]) out[key] = i.message;
  }
  return out;
}

/** Next's redirect() throws an error whose digest starts with NEXT_REDIRECT. */
function isRedirect(e: unknown): boolean {
  const digest = (e as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT");
}

/**
 * Signs in through next-auth (whose `authorize` enforces the sign-in limit) and
 * redirects to `next`. A successful sign-in throws Next's redirect, which must
 * propagate; a refusal by the limit says how long to wait.
 */
async function signInAndRedirect(email: string, password: string, next: string): Promise<AuthFormState> {
  const run = await runSignIn(() => signIn("credentials", { email, password, redirectTo: next }));
  if (run.retryAfterSeconds !== undefined) return { error: tooManyAttemptsMessage(run.retryAfterSeconds), email };
  if (!("error" in run)) return {};
  if (run.error instanceof AuthError && !isRedirect(run.error)) return { error: "Wrong email or password.", email };
  throw run.error;
}

// A server action cannot set the HTTP status: over the limit it answers with
// the message and the wait instead of a 429 (the API route does send 429).
export async function signInAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const parsed = SignInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = String(form.get("email") ?? "").slice(0, 254);
  if (!parsed.success) return { fieldErrors: firstErrors(parsed.error.issues), email };
  return signInAndRedirect(parsed.data.email, parsed.data.password, safeNextPath(form.get("next")));
}

export async function signUpAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const email = String(form.get("email") ?? "").slice(0, 254);
  const parsed = SignUpSchema.safeParse({ email: form.get("email"), password: form.get("password"), timeZone: form.get("timeZone") ?? undefined });
  if (!parsed.success) return { fieldErrors: firstErrors(parsed.error.issues), email };
  // Per IP only: "this email is taken" tells whether an account exists, so
  // probing for accounts counts like a failed sign-in.
  const gate = await signInThrottle.begin({ account: null, ip: clientIp(await headers()) }, Date.now());
  if (gate.blocked) return { error: tooManyAttemptsMessage(gate.retryAfterSeconds), email };
  const created = await createUser(parsed.data.email, parsed.data.password, parsed.data.timeZone).catch(async (e) => {
    await gate.attempt.abandoned();
    throw e;
  });
  if (!created.ok) {
    await gate.attempt.failed();
    return { fieldErrors: { email: "An account with this email already exists. Sign in instead." }, email };
  }
  await gate.attempt.abandoned();
  // The password was just set by this learner: failures recorded against the
  // email before the account existed must not lock them out of it.
  await signInThrottle.clearAccount(accountKey(parsed.data.email), Date.now());
  return signInAndRedirect(parsed.data.email, parsed.data.password, safeNextPath(form.get("next")));
}
