"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { formatPreviewInterval } from "@/lib/srs/format-interval";
import { formatWhen } from "@/lib/format-when";
import { cardAction, gradeAction, undoAction, type ActionResult, type Notice as ServerNotice } from "./actions";
import type { UndoHead } from "@/lib/dal/undo";
import type { QueueView } from "./queue-view";
import { ErrorMessage } from "@/app/error-message";
import { useOfflineReview } from "@/lib/offline/use-offline-review";
import { OfflineStatus } from "@/app/components/offline-status";
import { GRADE_LABEL, type GradeName } from "@/lib/srs/grade-names";

const GRADE_STYLE: Record<GradeName, string> = {
  again: "bg-red-700 hover:bg-red-800",
  hard: "bg-amber-700 hover:bg-amber-800",
  good: "bg-green-700 hover:bg-green-800",
  easy: "bg-blue-700 hover:bg-blue-800",
};

interface Notice {
  text: string;
  cardId?: string;
}

const UNDO_LABEL: Record<UndoHead["action"], string> = {
  grade: "grade",
  bury: "bury",
  suspend: "suspend",
  unsuspend: "unsuspend",
  reset: "reset",
  edit: "edit",
};

/** What the learner is told after an action, in words. */
function noticeText(n: ServerNotice): Notice {
  switch (n.kind) {
    case "leech":
      return { text: `This card has lapsed ${n.lapses} times, so it is now suspended as a leech. Rewrite it to make it easier to remember.`, cardId: n.cardId };
    case "buried":
      return { text: "Buried until tomorrow." };
    case "suspended":
      return { text: "Card suspended: it will not be shown until you unsuspend it.", cardId: n.cardId };
    case "undone":
      return { text: `Undone: ${UNDO_LABEL[n.action]}.` };
    case "graded-elsewhere":
      return {
        text: n.grade
          ? `Already graded in another tab: ${GRADE_LABEL[n.grade]}. Your grade was not applied.`
          : "This card was changed in another tab (buried, suspended, reset or undone). Your grade was not applied.",
      };
  }
}

export function ReviewSession({ initial, initialUndo }: { initial: QueueView; initialUndo: UndoHead | null }) {
  // Online: the server's queue. Offline: the cards kept on this device (lib/offline).
  const { queue, setQueue, offline } = useOfflineReview(initial);
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The learner's last action (on this page or another): Ctrl/⌘+Z undoes it, then the one before.
  const [lastAction, setLastAction] = useState<UndoHead | null>(initialUndo);
  const [pending, startTransition] = useTransition();
  const shownAt = useRef(0);
  const answerRef = useRef<HTMLDivElement>(null);
  const card = queue.next;
  // Tells keyboard users' tools and the end-to-end tests that the keys now work:
  // hydrated, and no grade or undo still on its way (keys wait for it).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  useEffect(() => {
    shownAt.current = performance.now();
    setRevealed(false);
  }, [card?.cardId, card?.version]);

  useEffect(() => {
    if (revealed) answerRef.current?.focus();
  }, [revealed]);

  const run = useCallback(
    (call: () => Promise<ActionResult>, after?: (r: Exclude<ActionResult, { error: string }>) => void) => {
      if (pending) return;
      if (offline.active) return setError("That needs the network: it works again once you are back online.");
      startTransition(async () => {
        // Null when the network failed: the page has switched to the cards kept on this device.
        const result = await offline.reach(call);
        if (!result) return;
        if ("error" in result) {
          setError(result.error);
          return;
        }
        setError(null);
        setQueue(result.queue);
        setLastAction(result.undo);
        setNotice(result.notice ? noticeText(result.notice) : null);
        after?.(result);
      });
    },
    [pending, offline, setQueue],
  );

  const grade = useCallback(
    (name: GradeName) => {
      if (!card) return;
      const durationMs = Math.round(performance.now() - shownAt.current);
      if (offline.active) return void offline.grade(card, name, durationMs);
      run(() => gradeAction({ cardId: card.cardId, version: card.version, grade: name, durationMs }));
    },
    [card, run, offline],
  );

  const undo = useCallback(() => {
    if (!lastAction) return;
    run(() => undoAction());
  }, [lastAction, run]);

  const flag = useCallback(
    (action: "bury" | "suspend") => {
      if (!card) return;
      run(() => cardAction({ cardId: card.cardId, action }));
    },
    [card, run],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") {
        e.preventDefault();
        undo();
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey || !card) return;
      if (!revealed && (e.key === " " || e.key === "Enter") && !(target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement)) {
        e.preventDefault();
        setRevealed(true);
      } else if (revealed && card.previews.some((p) => p.key === e.key)) {
        e.preventDefault();
        grade(card.previews.find((p) => p.key === e.key)!.name);
      } else if (e.key === "b" || e.key === "-") {
        flag("bury");
      } else if (e.key === "s" || e.key === "@") {
        flag("suspend");
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [card, revealed, grade, undo, flag]);

  const messages = (
    <>
      <ErrorMessage message={error} />
      <OfflineStatus offline={offline} />
      {notice && (
        <p role="status" className="rounded-md bg-slate-100 p-3 text-sm text-slate-800" data-testid="notice">
          {notice.text}{" "}
          {notice.cardId && (
            <Link href={`/cards/${notice.cardId}`} className="text-blue-800 underline">
              Edit or unsuspend the card
            </Link>
          )}
        </p>
      )}
    </>
  );
  const undoButton = lastAction && (
    <button type="button" className="btn-secondary px-3 py-1 text-sm" onClick={undo} disabled={pending} aria-keyshortcuts="Control+Z Meta+Z">
      Undo {UNDO_LABEL[lastAction.action]} <kbd className="text-xs">Ctrl+Z</kbd>
    </button>
  );

  const left = queue.remaining.new + queue.remaining.learning + queue.remaining.reviews;
  if (!card) {
    return (
      <section className="card space-y-4 text-center" aria-labelledby="done-heading" data-ready={ready && !pending}>
        <h1 id="done-heading" className="text-2xl font-semibold">
          Done for today
        </h1>
        {messages}
        <p className="text-slate-700" data-testid="next-due">
          {queue.nextDue ? `The next card comes ${formatWhen(new Date(queue.nextDue), new Date())}.` : "No cards are scheduled yet."}
        </p>
        <div className="flex justify-center gap-3">
          {undoButton}
          <Link href="/" className="btn-secondary">
            Back to today
          </Link>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="review-heading" className="space-y-4" data-ready={ready && !pending}>
      <div className="flex items-baseline justify-between">
        <h1 id="review-heading" className="text-xl font-semibold">
          Review
        </h1>
        <p className="text-sm text-slate-700" aria-live="polite" data-testid="remaining">
          <span className="font-semibold">{left}</span> left · <span data-testid="count-new">{queue.remaining.new}</span> new · <span data-testid="count-learning">{queue.remaining.learning}</span> learning ·{" "}
          <span data-testid="count-reviews">{queue.remaining.reviews}</span> {queue.remaining.reviews === 1 ? "review" : "reviews"}
        </p>
      </div>
      {messages}
      <article className="card space-y-4" aria-label="Flashcard">
        <p className="text-xs uppercase tracking-wide text-slate-600">
          {card.kind} · {card.stage} · {card.documentTitle}
          {card.edited && " · your wording"}
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
              className={`btn min-h-16 flex-col text-white ${GRADE_STYLE[p.name]}`}
              aria-keyshortcuts={p.key}
            >
              <span>
                {p.label} <kbd className="text-xs opacity-90">{p.key}</kbd>
              </span>
              <span className="text-sm font-normal" data-testid={`interval-${p.name}`}>
                {formatPreviewInterval(p)}
              </span>
            </button>
          ))}
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Card actions">
        {undoButton}
        <button type="button" className="btn-secondary px-3 py-1 text-sm" onClick={() => flag("bury")} disabled={pending} aria-keyshortcuts="b">
          Bury until tomorrow <kbd className="text-xs">B</kbd>
        </button>
        <button type="button" className="btn-secondary px-3 py-1 text-sm" onClick={() => flag("suspend")} disabled={pending} aria-keyshortcuts="s">
          Suspend <kbd className="text-xs">S</kbd>
        </button>
        <Link href={`/cards/${card.cardId}`} className="btn-secondary px-3 py-1 text-sm">
          Edit
        </Link>
      </div>
      <p className="key-hints text-sm text-slate-600">
        Keys: <kbd>Space</kbd> shows the answer, <kbd>1</kbd>–<kbd>4</kbd> grade it, <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes, <kbd>B</kbd> buries, <kbd>S</kbd> suspends.
      </p>
    </section>
  );
}
