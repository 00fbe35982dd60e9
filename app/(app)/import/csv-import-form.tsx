"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { ErrorMessage } from "@/app/error-message";
import { previewCsvAction, saveCsvAction, type CsvPreview } from "./csv-actions";

/** CSV of front,back[,tags]: read in the browser, checked by the server (preview), then saved on request. */
export function CsvImportForm({ maxBytes }: { maxBytes: number }) {
  const [text, setText] = useState<string | null>(null);
  const [deck, setDeck] = useState("");
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ saved: number; skipped: number; documentId: string } | null>(null);
  const [pending, start] = useTransition();

  async function choose(file: File | undefined) {
    setError(null);
    setPreview(null);
    setSaved(null);
    if (!file) return;
    if (file.size > maxBytes) return setError(`This file is larger than ${maxBytes / 1024 / 1024} MB.`);
    const content = await file.text();
    setText(content);
    setDeck((d) => d || file.name.replace(/\.(csv|tsv|txt)$/i, ""));
    start(async () => {
      const p = await previewCsvAction(content);
      if (p.error) setError(p.error);
      else setPreview(p);
    });
  }

  return (
    <div className="card space-y-4">
      <ErrorMessage message={error} />
      <div>
        <label htmlFor="csv" className="field-label">
          CSV file (front, back, optional tags)
        </label>
        <input id="csv" type="file" accept=".csv,.tsv,.txt,text/csv" className="mt-1 block w-full text-sm" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
        <p className="mt-1 text-sm text-slate-600">
          Comma, semicolon or tab separated; a header row (front, back, tags) is optional. Up to {maxBytes / 1024 / 1024} MB and 10,000 rows.
        </p>
      </div>
      {pending && !preview && <p role="status">Checking the file…</p>}
      {preview && (
        <div className="space-y-3">
          <p role="status">
            {preview.total} {preview.total === 1 ? "card" : "cards"} ready
            {preview.errors?.length ? `, ${preview.errors.length} ${preview.errors.length === 1 ? "row" : "rows"} with problems (not imported)` : ""}.
          </p>
          {preview.errors && preview.errors.length > 0 && (
            <ul className="max-h-48 list-disc overflow-auto pl-5 text-sm text-red-800" aria-label="Rows with problems">
              {preview.errors.map((e) => (
                <li key={e.line}>{e.message}</li>
              ))}
            </ul>
          )}
          {preview.rows && preview.rows.length > 0 && (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">First cards of the file</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Front</th>
                    <th scope="col">Back</th>
                    <th scope="col">Tags</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.line} className="border-t border-slate-200 align-top">
                      <td className="pr-2">{r.line}</td>
                      <td className="whitespace-pre-wrap pr-2">{r.front}</td>
                      <td className="whitespace-pre-wrap pr-2">{r.back}</td>
                      <td>{r.tags.join(" ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {(preview.total ?? 0) > preview.rows.length && <p className="text-sm text-slate-600">…and {(preview.total ?? 0) - preview.rows.length} more.</p>}
            </div>
          )}
          {(preview.total ?? 0) > 0 && !saved && (
            <form
              className="flex flex-wrap items-end gap-3"
              onSubmit={(e) => {
                e.preventDefault();
                start(async () => {
                  const r = await saveCsvAction({ text, deck });
                  if (r.error) setError(r.error);
                  else setSaved({ saved: r.saved!, skipped: r.skipped!, documentId: r.documentId! });
                });
              }}
            >
              <div>
                <label htmlFor="csv-deck" className="field-label">
                  Deck
                </label>
                <input id="csv-deck" value={deck} onChange={(e) => setDeck(e.currentTarget.value)} maxLength={200} required className="field-input" />
              </div>
              <button type="submit" className="btn-primary" disabled={pending}>
                {pending ? "Saving…" : `Save ${preview.total} ${preview.total === 1 ? "card" : "cards"}`}
              </button>
            </form>
          )}
        </div>
      )}
      {saved && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-900">
          Saved {saved.saved} {saved.saved === 1 ? "card" : "cards"}
          {saved.skipped > 0 && ` (${saved.skipped} rows with problems skipped)`}.{" "}
          <Link href={`/documents/${saved.documentId}`} className="underline">
            Open the deck
          </Link>
        </p>
      )}
    </div>
  );
}
