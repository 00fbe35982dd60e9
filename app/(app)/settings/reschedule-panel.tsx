"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import type { RescheduleSummary } from "@/lib/dal/settings";
import { applyRescheduleAction, previewRescheduleAction } from "./actions";

type Phase = { kind: "loading" } | { kind: "preview"; preview: RescheduleSummary } | { kind: "applied"; moved: number } | { kind: "dismissed" } | { kind: "error"; message: string };

const sum = (days: RescheduleSummary["load"], key: "before" | "after", n = days.length) => days.slice(0, n).reduce((s, d) => s + d[key], 0);

/**
 * Offered after a change that moves due dates: shows how many review cards
 * would move and the next 30 days' load before and after, and reschedules
 * only when the learner says so.
 */
export function ReschedulePanel({ reason, onClose }: { reason: string; onClose?: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [pending, start] = useTransition();
  const heading = useId();
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    let live = true;
    previewRescheduleAction().then(
      (r) => live && setPhase("error" in r ? { kind: "error", message: r.error } : { kind: "preview", preview: r.preview }),
      () => live && setPhase({ kind: "error", message: "The preview could not be computed. Reload the page and try again." }),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (phase.kind === "preview" || phase.kind === "applied") ref.current?.focus();
  }, [phase.kind]);

  if (phase.kind === "dismissed") return null;

  function apply() {
    start(async () => {
      const r = await applyRescheduleAction();
      setPhase("error" in r ? { kind: "error", message: r.error } : { kind: "applied", moved: r.moved });
    });
  }

  return (
    <section ref={ref} tabIndex={-1} aria-labelledby={heading} className="rounded-md border border-blue-200 bg-blue-50 p-4" data-testid="reschedule-panel">
      <h3 id={heading} className="font-semibold">
        Reschedule your review cards?
      </h3>
      <p className="mt-1 text-sm text-slate-800">{reason}</p>
      <div aria-live="polite" className="mt-3 space-y-3 text-sm">
        {phase.kind === "loading" && <p>Working out which cards would move…</p>}
        {phase.kind === "error" && (
          <p role="alert" className="text-red-800">
            {phase.message}
          </p>
        )}
        {phase.kind === "applied" && (
          <>
            <p data-testid="reschedule-done">
              Rescheduled {phase.moved} card{phase.moved === 1 ? "" : "s"}.
            </p>
            <button type="button" className="btn-secondary" onClick={() => (setPhase({ kind: "dismissed" }), onClose?.())}>
              Close
            </button>
          </>
        )}
        {phase.kind === "preview" && phase.preview.moved === 0 && (
          <>
            <p data-testid="reschedule-moved">No card needs to move: your {phase.preview.reviewCards} review cards already follow these settings.</p>
            <button type="button" className="btn-secondary" onClick={() => (setPhase({ kind: "dismissed" }), onClose?.())}>
              Close
            </button>
          </>
        )}
        {phase.kind === "preview" && phase.preview.moved > 0 && <Preview preview={phase.preview} pending={pending} onApply={apply} onSkip={() => (setPhase({ kind: "dismissed" }), onClose?.())} />}
      </div>
    </section>
  );
}

function Preview({ preview: p, pending, onApply, onSkip }: { preview: RescheduleSummary; pending: boolean; onApply: () => void; onSkip: () => void }) {
  const max = Math.max(1, ...p.load.map((d) => Math.max(d.before, d.after)));
  return (
    <>
      <p data-testid="reschedule-moved">
        <strong>{p.moved}</strong> of your {p.reviewCards} review cards would move: {p.earlier} earlier, {p.later} later. New answers use the new settings
        either way; this only changes cards already scheduled.
      </p>
      <dl className="grid grid-cols-2 gap-2 sm:max-w-md">
        <div>
          <dt className="text-slate-700">Reviews in the next 7 days</dt>
          <dd className="font-semibold" data-testid="load-7">
            {sum(p.load, "before", 7)} → {sum(p.load, "after", 7)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-700">Reviews in the next 30 days</dt>
          <dd className="font-semibold" data-testid="load-30">
            {sum(p.load, "before")} → {sum(p.load, "after")}
          </dd>
        </div>
      </dl>
      <details>
        <summary className="cursor-pointer text-blue-800">Reviews due each day, before and after</summary>
        <div className="mt-2 max-h-80 overflow-y-auto">
          <table className="w-full text-left">
            <caption className="sr-only">Reviews due on each of the next 30 days, now and after rescheduling</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Now</th>
                <th scope="col">After</th>
                <th scope="col">
                  <span className="sr-only">Bars: now above, after below</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.load.map((d, i) => (
                <tr key={d.day}>
                  <th scope="row" className="font-normal">
                    {i === 0 ? `Today (${d.day})` : d.day}
                  </th>
                  <td>{d.before}</td>
                  <td>{d.after}</td>
                  <td className="w-1/3" aria-hidden="true">
                    <div className="h-1.5 bg-slate-400" style={{ width: `${(d.before / max) * 100}%` }} />
                    <div className="mt-0.5 h-1.5 bg-blue-700" style={{ width: `${(d.after / max) * 100}%` }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <div className="flex flex-wrap gap-3">
        <button type="button" className="btn-primary" onClick={onApply} disabled={pending} data-testid="reschedule-apply">
          {pending ? "Rescheduling…" : `Reschedule ${p.moved} card${p.moved === 1 ? "" : "s"}`}
        </button>
        <button type="button" className="btn-secondary" onClick={onSkip} disabled={pending}>
          Leave them as they are
        </button>
      </div>
    </>
  );
}
