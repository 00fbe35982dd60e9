"use client";

import { useActionState } from "react";
import { ErrorMessage } from "@/app/error-message";
import { PasswordRules } from "@/app/(auth)/password-rules";
import { changeEmailAction, changePasswordAction, deleteAccountAction, type AccountFormState } from "./actions";

type Field = keyof NonNullable<AccountFormState["fieldErrors"]>;

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="error-text mt-1">
      {message}
    </p>
  ) : null;
}

function PasswordField({ id, label, name, autoComplete, error, rules }: { id: string; label: string; name: string; autoComplete: string; error?: string; rules?: boolean }) {
  const describedBy = [error && `${id}-error`, rules && `${id}-rules`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input id={id} name={name} type="password" autoComplete={autoComplete} required aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="field-input" />
      {rules && <PasswordRules id={`${id}-rules`} />}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function errorOf(state: AccountFormState, f: Field): string | undefined {
  return state.fieldErrors?.[f];
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, {});
  return (
    <form action={action} noValidate className="space-y-4" aria-labelledby="password-h">
      <ErrorMessage message={state.error} />
      <PasswordField id="pw-current" label="Current password" name="currentPassword" autoComplete="current-password" error={errorOf(state, "currentPassword")} />
      <PasswordField id="pw-new" label="New password" name="newPassword" autoComplete="new-password" error={errorOf(state, "newPassword")} rules />
      <p className="text-sm text-slate-600">Your other devices and browsers will be signed out; this one stays signed in.</p>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Please wait…" : "Change password"}
      </button>
    </form>
  );
}

export function ChangeEmailForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(changeEmailAction, {});
  const emailError = errorOf(state, "email");
  return (
    <form action={action} noValidate className="space-y-4" aria-labelledby="email-h">
      <ErrorMessage message={state.error} />
      <div>
        <label htmlFor="new-email" className="field-label">
          New email address
        </label>
        <input id="new-email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email ?? email} aria-invalid={emailError ? true : undefined} aria-describedby={emailError ? "new-email-error" : undefined} className="field-input" />
        <FieldError id="new-email-error" message={emailError} />
      </div>
      <PasswordField id="email-password" label="Your password" name="currentPassword" autoComplete="current-password" error={errorOf(state, "currentPassword")} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Please wait…" : "Change email"}
      </button>
    </form>
  );
}

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteAccountAction, {});
  const confirmError = errorOf(state, "confirm");
  return (
    <form action={action} noValidate className="space-y-4" aria-labelledby="delete-h">
      <ErrorMessage message={state.error} />
      <div>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="confirm" value="delete" defaultChecked={state.values?.confirm} aria-invalid={confirmError ? true : undefined} aria-describedby={confirmError ? "confirm-error" : undefined} className="mt-1" />
          <span>I understand that my account and everything listed above will be deleted for good.</span>
        </label>
        <FieldError id="confirm-error" message={confirmError} />
      </div>
      <PasswordField id="delete-password" label="Your password" name="currentPassword" autoComplete="current-password" error={errorOf(state, "currentPassword")} />
      <button type="submit" className="btn bg-red-700 text-white hover:bg-red-800" disabled={pending}>
        {pending ? "Deleting…" : "Delete my account"}
      </button>
    </form>
  );
}
