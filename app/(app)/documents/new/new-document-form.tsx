"use client";

import { useActionState, useEffect, useState, useTransition } from "react";
import { previewDocumentAction, saveDocumentAction, type DraftCard, type PreviewState } from "./actions";
import { HighlightedSentence } from "../highlighted-sentence";
import { MAX_DOCUMENT_CHARS, MAX_UPLOAD_BYTES } from "@/lib/validation/document";
import { ErrorMessage } from "@/app/error-message";

export function NewDocumentForm() {
  const [state, previewAction, previewing] = useActionState(previewDocumentAction, {} as PreviewState);
  const [words, setWords] = useState(0);
  const [tooBig, setTooBig] = useState<string | null>(null);
  if (state.draft) return <ReviewDraft key={state.draft.text.length + state.draft.title} draft={state.draft} />;
  const fe = { ...(state.fieldErrors ?? {}), ...(tooBig ? { text: tooBig } : {}) };
  return (
    <form
      action={previewAction}
      className="card space-y-5"
      noValidate
      onSubmit={(e) => {
        // Refused here, before sending: a body this large would be cut off by the server's request limit.
        const text = (e.currentTarget.elements.namedItem("text") as HTMLTextAreaElement).value;
        const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
        const problem =
          text.length > MAX_DOCUMENT_CHARS
            ? `The document is too long (${text.length.toLocaleString("en")} characters): the limit is ${MAX_DOCUMENT_CHARS.toLocaleString("en")}.`
            : file && file.size > MAX_UPLOAD_BYTES
              ? `The file is too large: the limit is ${MAX_DOCUMENT_CHARS.toLocaleString("en")} characters.`
              : null;
        setTooBig(problem);
        if (problem) {
          e.preventDefault();
          return;
        }
        setWords(text.split(/\s+/).filter(Boolean).length);
      }}
    >
      <ErrorMessage message={state.error} />
      <Field id="title" label="Title" error={fe.title}>
        <input id="title" name="title" required maxLength={200} defaultValue={state.values?.title} className="field-input" aria-invalid={fe.title ? true : undefined} aria-describedby={fe.title ? "title-error" : undefined} />
      </Field>
      <Field id="publishedAt" label="Published (optional)" hint="Relative dates such as “this Wednesday” are resolved against it." error={fe.publishedAt}>
        <input id="publishedAt" name="publishedAt" type="date" defaultValue={state.values?.publishedAt} className="field-input sm:max-w-xs" aria-invalid={fe.publishedAt ? true : undefined} aria-describedby={fe.publishedAt ? "publishedAt-error" : "publishedAt-hint"} />
      </Field>
      <Field id="text" label="Text" hint="Paste the article or interview, up to 200,000 characters. Or upload a .txt or .md file below." error={fe.text}>
        <textarea id="text" name="text" rows={12} className="field-input font-mono text-sm" aria-invalid={fe.text ? true : undefined} aria-describedby={fe.text ? "text-error" : "text-hint"} />
      </Field>
      <div>
        <label htmlFor="file" className="field-label">
          …or upload a file (.txt, .md)
        </label>
        <input id="file" name="file" type="file" accept=".txt,.md,text/plain,text/markdown" className="mt-1 block text-sm" />
      </div>
      <button type="submit" className="btn-primary" disabled={previewing}>
        {previewing ? "Generating cards…" : "Generate cards"}
      </button>
      {previewing && <GenerationProgress words={words} />}
    </form>
  );
}

// Measured generation speed on the server (npm run bench:extract) is about
// 20–40 ms per 1,000 words; the estimate stays on the slow side and never
// claims to be done before the server answers.
const MS_PER_WORD = 0.06;

function GenerationProgress({ words }: { words: number }) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const start = performance.now();
    const timer = setInterval(() => setElapsed(performance.now() - start), 200);
    return () => clearInterval(timer);
  }, []);
  const estimate = 800 + words * MS_PER_WORD;
  const fraction = Math.min(0.95, elapsed / estimate);
  return (
    <div role="status" className="space-y-2">
      <p className="text-sm text-slate-700">
        Reading {words > 0 ? `${words.toLocaleString("en")} words` : "your file"} and generating cards
        {elapsed > 1500 ? ` (${Math.round(elapsed / 1000)} s)` : ""}…
      </p>
      <progress className="w-full" aria-label="Generating cards" max={1} value={words > 0 ? fraction : undefined} />
    </div>
  );
}

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="error-text mt-1">
          {error}
        </p>
      ) : (
        hint && (
          <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
            {hint}
          </p>
        )
      )}
    </div>
  );
}

type Choice = { keep: boolean; prompt: string; answer: string; editing: boolean };

function ReviewDraft({ draft }: { draft: NonNullable<PreviewState["draft"]> }) {
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(draft.cards.map((c) => [c.key, { keep: true, prompt: c.prompt, answer: c.answer, editing: false }])),
  );
  const [error, setError] = useState<string | null>(null);
  const [cardErrors, setCardErrors] = useState<Record<string, string>>({});
  const [saving, startSaving] = useTransition();
  const kept = draft.cards.filter((c) => choices[c.key].keep).length;
  const update = (key: string, patch: Partial<Choice>) => setChoices((all) => ({ ...all, [key]: { ...all[key], ...patch } }));

  function save() {
    startSaving(async () => {
      const cards = draft.cards.map((c) => ({ key: c.key, keep: choices[c.key].keep, prompt: choices[c.key].prompt, answer: choices[c.key].answer }));
      const result = await saveDocumentAction({ title: draft.title, publishedAt: draft.publishedAt, text: draft.text, cards });
      if (result?.error) {
        setError(result.error);
        setCardErrors(Object.fromEntries(Object.entries(result.cardErrors ?? {}).map(([i, m]) => [draft.cards[Number(i)]?.key, m])));
      }
    });
  }

  return (
    <section aria-labelledby="draft-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="draft-heading" className="text-xl font-semibold">
          {draft.cards.length} cards from “{draft.title}”
        </h2>
        <p className="text-sm text-slate-700" aria-live="polite">
          {kept} kept
        </p>
      </div>
      <p className="text-slate-700">Check each card against its source sentence. Edit or discard the ones you don’t want, then save: the kept cards join your reviews.</p>
      <ErrorMessage message={error} />
      <ol className="space-y-3">
        {draft.cards.map((card, i) => (
          <DraftCardItem key={card.key} index={i} card={card} choice={choices[card.key]} error={cardErrors[card.key]} onChange={(p) => update(card.key, p)} />
        ))}
      </ol>
      <div className="sticky bottom-0 flex gap-3 border-t border-slate-200 bg-slate-50 py-3">
        <button type="button" className="btn-primary" onClick={save} disabled={saving || kept === 0}>
          {saving ? "Saving…" : `Save document and ${kept} cards`}
        </button>
        {/* A full page load on purpose: it discards the draft held by the form's action state. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/documents/new" className="btn-secondary">
          Start over
        </a>
      </div>
    </section>
  );
}

function DraftCardItem({ index, card, choice, error, onChange }: { index: number; card: DraftCard; choice: Choice; error?: string; onChange: (p: Partial<Choice>) => void }) {
  const id = `card-${index}`;
  return (
    <li className={`card space-y-2 ${choice.keep ? "" : "opacity-60"}`} aria-labelledby={`${id}-title`} data-testid="draft-card">
      <div className="flex items-center justify-between gap-3">
        <p id={`${id}-title`} className="text-xs uppercase tracking-wide text-slate-600">
          Card {index + 1} · {card.kind} · {card.type}
          {!choice.keep && " · discarded"}
        </p>
        <div className="flex gap-2">
          <button type="button" className="btn-secondary px-3 py-1 text-sm" onClick={() => onChange({ editing: !choice.editing })} aria-expanded={choice.editing}>
            {choice.editing ? "Done" : "Edit"}
          </button>
          <button type="button" className="btn-secondary px-3 py-1 text-sm" onClick={() => onChange({ keep: !choice.keep })}>
            {choice.keep ? "Discard" : "Keep"}
          </button>
        </div>
      </div>
      {choice.editing ? (
        <div className="space-y-2">
          <label className="field-label" htmlFor={`${id}-prompt`}>
            Prompt
          </label>
          <textarea id={`${id}-prompt`} className="field-input" rows={2} value={choice.prompt} onChange={(e) => onChange({ prompt: e.target.value })} />
          <label className="field-label" htmlFor={`${id}-answer`}>
            Answer
          </label>
          <input id={`${id}-answer`} className="field-input" value={choice.answer} onChange={(e) => onChange({ answer: e.target.value })} />
        </div>
      ) : (
        <>
          <p>{choice.prompt}</p>
          <p className="font-semibold">{choice.answer}</p>
        </>
      )}
      <p className="text-sm text-slate-700">
        <span className="sr-only">Source: </span>
        <HighlightedSentence sentence={card.source} highlight={card.answer} />
      </p>
      {error && <p className="error-text">{error}</p>}
    </li>
  );
}
