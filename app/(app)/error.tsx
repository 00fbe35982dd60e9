"use client";

import Link from "next/link";

/** Shown instead of a blank page when something fails on the server; nothing the user saved is lost. */
export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="card space-y-4">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="text-slate-700">The page could not be loaded. Your reviews and documents are saved; try again, or go back to today.</p>
      <div className="flex gap-3">
        <button type="button" className="btn-primary" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="btn-secondary">
          Back to today
        </Link>
      </div>
    </section>
  );
}
