"use client";

import { useActionState, useEffect, useRef } from "react";
import type { AuthFormState } from "./actions";
import { ErrorMessage } from "@/app/error-message";
import { PasswordRules } from "./password-rules";

interface Props {
  action: (prev: AuthFormState, form: FormData) => Promise<AuthFormState>;
  mode: "sign-in" | "sign-up";
  next: string;
}

export function AuthForm({ action, mode, next }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const tz = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (tz.current) tz.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
  }, []);
  const fe = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="card space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {mode === "sign-up" && <input type="hidden" name="timeZone" ref={tz} />}
      <ErrorMessage message={state.error} />
      <div>
        <label htmlFor="email" className="field-label">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          aria-invalid={fe.email ? true : undefined}
          aria-describedby={fe.email ? "email-error" : undefined}
          className="field-input"
        />
        {fe.email && (
          <p id="email-error" className="error-text mt-1">
            {fe.email}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="password" className="field-label">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          required
          aria-invalid={fe.password ? true : undefined}
          aria-describedby={[fe.password && "password-error", mode === "sign-up" && "password-rules"].filter(Boolean).join(" ") || undefined}
          className="field-input"
        />
        {mode === "sign-up" && <PasswordRules id="password-rules" />}
        {fe.password && (
          <p id="password-error" className="error-text mt-1">
            {fe.password}
          </p>
        )}
      </div>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Please wait…" : mode === "sign-up" ? "Create account" : "Sign in"}
      </button>
    </form>
  );
}
