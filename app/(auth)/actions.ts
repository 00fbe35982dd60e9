"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { createUser } from "@/lib/dal/users";
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

async function signInAndRedirect(email: string, password: string, next: string): Promise<AuthFormState> {
  try {
    await signIn("credentials", { email, password, redirectTo: next });
  } catch (e) {
    // A successful sign-in throws Next's redirect, which must propagate.
    if (e instanceof AuthError) return { error: "Wrong email or password.", email };
    throw e;
  }
  return {};
}

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
  const created = await createUser(parsed.data.email, parsed.data.password, parsed.data.timeZone);
  if (!created.ok) return { fieldErrors: { email: "An account with this email already exists. Sign in instead." }, email };
  return signInAndRedirect(parsed.data.email, parsed.data.password, safeNextPath(form.get("next")));
}
