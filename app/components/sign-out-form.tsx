"use client";

import { useRef } from "react";
import { prepareSignOut } from "@/lib/offline/sign-out";

/**
 * The sign-out button. Before the server signs the learner out, the device's
 * offline cards and waiting grades are synced, or dropped once the learner
 * agrees (lib/offline/sign-out.ts).
 */
export function SignOutForm({ userId, action, children }: { userId: string; action: () => Promise<void>; children: React.ReactNode }) {
  const ready = useRef(false);
  return (
    <form
      action={action}
      className="flex flex-wrap items-center gap-3 lg:flex-nowrap"
      onSubmit={(e) => {
        if (ready.current) return;
        e.preventDefault();
        const form = e.currentTarget;
        void prepareSignOut(userId, (m) => window.confirm(m)).then((go) => {
          if (!go) return;
          ready.current = true;
          form.requestSubmit();
        });
      }}
    >
      {children}
      <button type="submit" className="btn-secondary min-h-11 px-3 py-1 text-sm lg:min-h-0">
        Sign out
      </button>
    </form>
  );
}
