"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { ErrorMessage } from "@/app/error-message";
import type { ImportSummary } from "@/lib/anki/convert";

type Summary = ImportSummary;

interface Job {
  id: string;
  fileName: string;
  phase: "queued" | "reading" | "converting" | "saving" | "done" | "failed";
  progress: number;
  summary: Summary | null;
  error: string | null;
}

const PHASE_LABEL: Record<Job["phase"], string> = {
  queued: "Waiting to start…",
  reading: "Unpacking the package…",
  converting: "Converting notes and replaying your review history…",
  saving: "Saving your cards and reviews…",
  done: "Done",
  failed: "Not imported",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** Uploads an Anki package (with upload progress), then follows the import until it is done. */
export function AnkiImportForm({ maxBytes }: { maxBytes: number }) {
  const [error, setError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  // An import keeps running on the server when the page is left or reloaded: pick it up again.
  useEffect(() => {
    let live = true;
    void fetch("/api/import/anki", { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ job: Job | null }>) : { job: null }))
      .then(({ job: running }) => {
        if (!live || !running || running.phase === "done" || running.phase === "failed") return;
        setJob(running);
        follow(running.id);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function follow(id: string) {
    timer.current = setTimeout(() => void poll(id), 400);
  }

  /** One look at the import job; schedules the next while it runs. */
  async function poll(id: string) {
    try {
      const res = await fetch(`/api/import/anki/${encodeURIComponent(id)}`, { cache: "no-store" });
      const body = (await res.json()) as { job?: Job; error?: string };
      if (!res.ok || !body.job) throw new Error(body.error ?? "The import could not be followed.");
      setJob(body.job);
      if (body.job.phase !== "done" && body.job.phase !== "failed") follow(id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  function upload(file: File) {
    setError(null);
    setJob(null);
    if (!/\.(apkg|colpkg)$/i.test(file.name)) return setError("Choose an Anki package: a .apkg (deck) or .colpkg (collection) file.");
    if (file.size > maxBytes) return setError(`This file is ${Math.round(file.size / 1024 / 1024)} MB: Recall imports Anki packages up to ${maxBytes / 1024 / 1024} MB.`);
    // XMLHttpRequest rather than fetch: it reports upload progress, which matters for a large file on a phone.
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/import/anki");
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("X-Recall-Upload", "1");
    xhr.upload.onprogress = (e) => e.lengthComputable && setUploaded(e.loaded / e.total);
    xhr.onerror = () => {
      setUploaded(null);
      setError("The upload failed: check your connection and try again.");
    };
    xhr.onload = () => {
      setUploaded(null);
      let body: { job?: Job; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        /* handled below */
      }
      if (body.job) {
        setJob(body.job);
        follow(body.job.id);
      }
      if (xhr.status >= 400) setError(body.error ?? `The upload was refused (HTTP ${xhr.status}).`);
    };
    setUploaded(0);
    xhr.send(file);
  }

  const busy = uploaded !== null || (job !== null && job.phase !== "done" && job.phase !== "failed");
  return (
    <div className="space-y-5">
      <form
        className="card space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const file = (e.currentTarget.elements.namedItem("package") as HTMLInputElement).files?.[0];
          if (!file) return setError("Choose a file first.");
          upload(file);
        }}
      >
        <ErrorMessage message={error ?? undefined} />
        <div>
          <label htmlFor="package" className="field-label">
            Anki package (.apkg or .colpkg)
          </label>
          <input id="package" name="package" type="file" accept=".apkg,.colpkg" className="mt-1 block w-full text-sm" disabled={busy} />
        </div>
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? "Importing…" : "Import"}
        </button>
      </form>

      {uploaded !== null && (
        <div className="card space-y-2" role="status">
          <p>Uploading… {Math.round(uploaded * 100)}%</p>
          <progress className="w-full" value={uploaded} max={1} aria-label="Upload progress" />
        </div>
      )}

      {job && job.phase !== "done" && job.phase !== "failed" && (
        <div className="card space-y-2" role="status" aria-live="polite">
          <p>
            {PHASE_LABEL[job.phase]} {Math.round(job.progress * 100)}%
          </p>
          <progress className="w-full" value={job.progress} max={1} aria-label="Import progress" />
        </div>
      )}

      {job?.phase === "failed" && job.error && <ErrorMessage message={`${job.fileName}: ${job.error} Nothing was imported.`} />}

      {job?.phase === "done" && job.summary && <ImportResult fileName={job.fileName} s={job.summary} />}
    </div>
  );
}

function ImportResult({ fileName, s }: { fileName: string; s: Summary }) {
  const skipped = [
    s.skippedNotes > 0 && `${plural(s.skippedNotes, "note")} you had already imported (left as they are)`,
    s.skippedEmptyCards > 0 && `${plural(s.skippedEmptyCards, "card")} whose question is empty`,
    s.skippedReviewLogs > 0 && `${plural(s.skippedReviewLogs, "review")} of cards not imported (deleted in Anki, empty, or already here)`,
    s.images > 0 && `${plural(s.images, "image")} not imported`,
    s.sounds > 0 && `${plural(s.sounds, "sound")} not imported`,
  ].filter(Boolean) as string[];
  return (
    <section className="card space-y-3" role="status" aria-labelledby="import-result">
      <h2 id="import-result" className="text-lg font-semibold">
        {s.notes > 0 ? `Imported ${fileName}` : `Nothing new in ${fileName}`}
      </h2>
      <p>
        {plural(s.notes, "note")} → {plural(s.cards, "card")} in {plural(s.decks, "deck")}, with {plural(s.reviewLogs, "review")} of history
        {s.suspended > 0 && `; ${plural(s.suspended, "card")} suspended`}
        {s.buried > 0 && `; ${plural(s.buried, "card")} buried until tomorrow`}.
      </p>
      {skipped.length > 0 && (
        <div>
          <p className="font-medium">Skipped:</p>
          <ul className="list-disc pl-5 text-slate-700">
            {skipped.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="flex flex-wrap gap-3">
        <Link href="/review" className="btn-primary">
          Start reviewing
        </Link>
        <Link href="/documents" className="btn-secondary">
          See your decks
        </Link>
      </p>
    </section>
  );
}
