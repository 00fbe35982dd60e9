"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { changeEmail, checkOwnPassword, deleteAccount, setPassword } from "@/lib/dal/account";
import { requireUser } from "@/lib/dal/session";
import { endAllSessions } from "@/lib/dal/session-check";
import { signInThrottle } from "@/lib/dal/sign-in-failures";
import { tooManyAttemptsMessage } from "@/lib/rate-limit";
import { authorizeWithinLimit, runSignIn } from "@/lib/sign-in-limit";
import { EmailSchema, newPasswordSchema, PasswordSchema } from "@/lib/validation/auth";

export interface AccountFormState {
  error?: string;
  fieldErrors?: Partial<Record<"currentPassword" | "newPassword" | "email" | "confirm", string>>;
  /** What the learner entered, shown again after an error (React resets a form once its action ran; passwords are never sent back). */
  values?: { email?: string; confirm?: boolean };
}

const CurrentPassword = z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(128, "That is not your current password.");

/**
 * Checks the signed-in learner's current password within the same per-account
 * and per-address limits as sign-in (someone holding an open session must not
 * get unlimited guesses at the password). null when it is right, else the message.
 */
async function currentPasswordProblem(user: { id: string; email: string }, password: string): Promise<string | null> {
  const run = await runSignIn(async () =>
    authorizeWithinLimit(user.email, async () => ((await checkOwnPassword(user.id, password)) ? true : null), { throttle: signInThrottle, headers: await headers() }),
  );
  if (run.retryAfterSeconds !== undefined) return tooManyAttemptsMessage(run.retryAfterSeconds);
  if ("error" in run) throw run.error;
  return run.result ? null : "That is not your current password.";
}

function field(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
}

/** Change password: the current one is required; every other session of the account is signed out, this one signed in again. */
export async function changePasswordAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await requireUser("/account");
  const current = CurrentPassword.safeParse(field(form, "currentPassword"));
  if (!current.success) return { fieldErrors: { currentPassword: current.error.issues[0].message } };
  const next = newPasswordSchema(z.object({ email: z.string(), password: PasswordSchema })).safeParse({ email: user.email, password: field(form, "newPassword") });
  if (!next.success) return { fieldErrors: { newPassword: next.error.issues[0].message } };
  if (next.data.password === current.data) return { fieldErrors: { newPassword: "Choose a password different from your current one." } };
  const problem = await currentPasswordProblem(user, current.data);
  if (problem) return { fieldErrors: { currentPassword: problem } };
  await setPassword(user.id, next.data.password);
  // The raised session version ended this browser's session too: sign it in again (Next's redirect propagates).
  await signIn("credentials", { email: user.email, password: next.data.password, redirectTo: "/account?done=password" });
  return {};
}

/** Change email: the password is required; the new address must be free. */
export async function changeEmailAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await requireUser("/account");
  const values = { email: (field(form, "email") ?? "").slice(0, 254) };
  const email = EmailSchema.safeParse(field(form, "email"));
  if (!email.success) return { fieldErrors: { email: email.error.issues[0].message }, values };
  if (email.data === user.email) return { fieldErrors: { email: "That is already your email address." }, values };
  const current = CurrentPassword.safeParse(field(form, "currentPassword"));
  if (!current.success) return { fieldErrors: { currentPassword: current.error.issues[0].message }, values };
  const problem = await currentPasswordProblem(user, current.data);
  if (problem) return { fieldErrors: { currentPassword: problem }, values };
  const changed = await changeEmail(user.id, email.data);
  if (!changed.ok) return { fieldErrors: { email: "Another account already uses this email address." }, values };
  redirect("/account?done=email");
}

/** Delete the account and all its data: the password and an explicit confirmation are required. */
export async function deleteAccountAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await requireUser("/account");
  if (form.get("confirm") !== "delete") return { fieldErrors: { confirm: "Tick the box to confirm that everything listed will be deleted." } };
  const values = { confirm: true };
  const current = CurrentPassword.safeParse(field(form, "currentPassword"));
  if (!current.success) return { fieldErrors: { currentPassword: current.error.issues[0].message }, values };
  const problem = await currentPasswordProblem(user, current.data);
  if (problem) return { fieldErrors: { currentPassword: problem }, values };
  await deleteAccount(user.id);
  await signOut({ redirectTo: "/sign-in?deleted=1" });
  return {};
}

/** Sign out everywhere: every session of the account ends, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser("/account");
  await endAllSessions(user.id);
  await signOut({ redirectTo: "/sign-in?signedOut=everywhere" });
}
