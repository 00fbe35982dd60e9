"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { formatInterval } from "@/lib/srs/format-interval";
import { formatWhen } from "@/lib/format-when";
import { gradeAction } from "./actions";
import type { QueueView } from "./queue-view";

type GradeName = "again" | "hard" | "good" | "easy";
const GRADE_STYLE: Record<GradeName, string> = {
  again: "bg-red-700 hover:bg-red-800",
  hard: "bg-amber-700 hover:bg-amber-800",
  good: "bg-green-700 hover:bg-green-800",
  easy: "bg-blue-700 hover:bg-blue-800",
};

export function ReviewSession({ initial }: { initial: QueueView }) {
  const [queue, setQueue] = useState(initial);
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const shownAt = useRef(0);
  const answerRef = useRef<HTMLDivElement>(null);
  const card = queue.next;
  // Tells keyboard users' tools and the end-to-end tests that the keys now work.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  useEffect(() => {
    shownAt.current = performance.now();
    setRevealed(false);
  }, [card?.cardId, card?.version]);

  useEffect(() => {
    if (revealed) answerRef.current?.focus();
  }, [revealed]);

  const grade = useCallback(
    (name: GradeName) => {
      if (!card || pending) return;
      const durationMs = Math.round(performance.now() - shownAt.current);
      startTransition(async () => {
        const result = await gradeAction({ cardId: card.cardId, version: card.version, grade: name, durationMs });
        if ("error" in result) setError(result.error);
        else {
          setError(null);
          setQueue(result.queue);
        }
      });
    },
    [card, pending],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if (!card) return;
      if (!revealed && (e.key === " " || e.key === "Enter")) {
        e.preventDefault();
        setRevealed(true);
        return;
      }
      if (revealed) {
        const preview = card.previews.find((p) => p.key === e.key);
        if (preview) {
          e.preventDefault();
          grade(preview.name);
        }
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [card, revealed, grade]);

  const left = queue.remaining.reviews + queue.remaining.new;

  if (!card) {
    return (
      <section className="card text-center" aria-labelledby="done-heading" data-ready={ready}>
        <h1 id="done-heading" className="text-2xl font-semibold">
          Done for today
        </h1>
        <p className="mt-3 text-slate-700" data-testid="next-due">
          {queue.nextDue ? `The next card comes ${formatWhen(new Date(queue.nextDue), new Date())}.` : "No cards are scheduled yet."}
        </p>
        <Link href="/" className="btn-secondary mt-6">
          Back to today
        </Link>
      </section>
    );
  }

  return (
    <section aria-labelledby="review-heading" className="space-y-4" data-ready={ready}>
      <div className="flex items-baseline justify-between">
        <h1 id="review-heading" className="text-xl font-semibold">
          Review
        </h1>
        <p className="text-sm text-slate-700" aria-live="polite" data-testid="remaining">
          <span className="font-semibold">{left}</span> left · {queue.remaining.reviews} reviews, {queue.remaining.new} new
        </p>
      </div>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}
      <article className="card space-y-4" aria-label="Flashcard">
        <p className="text-xs uppercase tracking-wide text-slate-600">
          {card.kind} · {card.isNew ? "new" : "review"} · {card.documentTitle}
        </p>
        <p className="text-lg leading-relaxed" data-testid="prompt">
          {card.prompt}
        </p>
        {revealed ? (
          <div ref={answerRef} tabIndex={-1} className="space-y-3 border-t border-slate-200 pt-4" aria-live="polite">
            <p className="text-xl font-semibold" data-testid="answer">
              {card.answer}
            </p>
            <blockquote className="border-l-4 border-slate-300 pl-3 text-slate-700">
              <span className="sr-only">Source: </span>
              {card.source}
            </blockquote>
          </div>
        ) : (
          <button type="button" className="btn-primary" onClick={() => setRevealed(true)}>
            Show answer <kbd className="rounded bg-blue-900 px-1 text-xs">Space</kbd>
          </button>
        )}
      </article>
      {revealed && (
        <div role="group" aria-label="How well did you remember?" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {card.previews.map((p) => (
            <button
              key={p.name}
              type="button"
              disabled={pending}
              onClick={() => grade(p.name)}
              className={`btn flex-col text-white ${GRADE_STYLE[p.name]}`}
              aria-keyshortcuts={p.key}
            >
              <span>
                {p.label} <kbd className="text-xs opacity-90">{p.key}</kbd>
              </span>
              <span className="text-sm font-normal" data-testid={`interval-${p.name}`}>
                {formatInterval(p.intervalMs)}
              </span>
            </button>
          ))}
        </div>
      )}
      <p className="text-sm text-slate-600">
        Keys: <kbd>Space</kbd> shows the answer, <kbd>1</kbd>–<kbd>4</kbd> grade it.
      </p>
    </section>
  );
}
