"use client";

import Link from "next/link";
import { useState } from "react";
import { ErrorMessage } from "@/app/error-message";
import type { RestoreSummary } from "@/lib/dal/backup";


const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** Download a full backup, or restore one into this (new) account. */
export function BackupForm() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState<RestoreSummary | null>(null);

  async function restore(file: File) {
    setError(null);
    setRestored(null);
    setBusy(true);
    try {
      const res = await fetch("/api/import/backup", { method: "POST", body: file, headers: { "Content-Type": "application/gzip", "X-Recall-Upload": "1" } });
      const body = (await res.json().catch(() => ({}))) as { summary?: RestoreSummary; error?: string };
      if (!res.ok || !body.summary) setError(body.error ?? `The restore was refused (HTTP ${res.status}).`);
      else setRestored(body.summary);
    } catch {
      setError("The upload failed: check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card space-y-4">
      <p>
        <a href="/api/export/backup" className="btn-primary" download>
          Download a full backup
        </a>
      </p>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const file = (e.currentTarget.elements.namedItem("backup") as HTMLInputElement).files?.[0];
          if (!file) return setError("Choose a backup file first.");
          void restore(file);
        }}
      >
        <ErrorMessage message={error} />
        <div>
          <label htmlFor="backup" className="field-label">
            Restore a backup (.json.gz) into this account
          </label>
          <input id="backup" name="backup" type="file" accept=".gz,application/gzip" className="mt-1 block w-full text-sm" disabled={busy} />
          <p className="mt-1 text-sm text-slate-600">Only into a new account with nothing in it yet: a restore never merges or overwrites.</p>
        </div>
        <button type="submit" className="btn-secondary" disabled={busy}>
          {busy ? "Restoring…" : "Restore"}
        </button>
      </form>
      {restored && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-900">
          Restored {plural(restored.documents, "document or deck", "documents and decks")} with {plural(restored.cards, "card")}, {plural(restored.logs, "review")} and{" "}
          {plural(restored.quizzes, "quiz", "quizzes")}
          {restored.skipped > 0 && ` (${restored.skipped} rows about shipped cards this server does not have were skipped)`}.{" "}
          <Link href="/progress" className="underline">
            See your progress
          </Link>
        </p>
      )}
    </div>
  );
}
