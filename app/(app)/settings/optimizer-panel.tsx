"use client";

import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import type { OptimizerJobView } from "@/lib/dal/optimizer-runs";
import { cancelOptimizerAction, dismissOptimizerAction, resetParamsAction, saveOptimizedParamsAction, startOptimizerAction } from "./actions";
import { ReschedulePanel } from "./reschedule-panel";

const POLL_MS = 400;

const PHASE_TEXT: Record<OptimizerJobView["phase"], string> = {
  loading: "Reading your review history",
  fitting: "Fitting parameters to your reviews",
  checking: "Checking them on your most recent reviews",
  "cross-validating": "Cross-validating",
};

type Metrics = { logLoss: number; rmse: number };
const ll = (m: Metrics) => m.logLoss.toFixed(4);
const rmse = (m: Metrics) => `${(m.rmse * 100).toFixed(2)}%`;

export function OptimizerPanel({ notEnough, initialJob, customParams }: { notEnough: string | null; initialJob: OptimizerJobView | null; customParams: boolean }) {
  const [job, setJob] = useState<OptimizerJobView | null>(initialJob);
  const [message, setMessage] = useState<string | null>(null);
  const [reschedule, setReschedule] = useState<{ reason: string; key: number } | null>(null);
  const [pending, startTransition] = useTransition();
  const running = job?.status === "running";
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const poll = useCallback(async () => {
    try {
      const res = await fetch("/settings/optimizer", { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      const body = (await res.json()) as { job: OptimizerJobView | null };
      setJob(body.job);
    } catch {
      setMessage("Lost contact with the server; the optimizer may still be running. Reload the page to see.");
    }
  }, []);

  useEffect(() => {
    if (!running) return;
    timer.current = setTimeout(() => void poll(), POLL_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [running, job, poll]);

  const run = (fn: () => Promise<void>) => startTransition(fn);

  const start = () =>
    run(async () => {
      setMessage(null);
      setReschedule(null);
      const r = await startOptimizerAction();
      if ("error" in r) setMessage(r.error);
      else setJob(r.job);
    });

  const cancel = () =>
    run(async () => {
      await cancelOptimizerAction();
      await poll();
    });

  const save = (force: boolean) =>
    run(async () => {
      const r = await saveOptimizedParamsAction({ force });
      if ("error" in r) return setMessage(r.error);
      setMessage(r.changed ? "Your new parameters are saved and in use." : "These parameters were already in use.");
      await poll();
      if (r.changed) setReschedule({ key: Date.now(), reason: "Your FSRS parameters changed, so the memory of each card you have studied is estimated differently." });
    });

  const reset = () =>
    run(async () => {
      const r = await resetParamsAction();
      setMessage(r.changed ? "Back to the default parameters." : "The default parameters were already in use.");
      if (r.changed) setReschedule({ key: Date.now(), reason: "Your FSRS parameters changed back to the defaults." });
    });

  const dismiss = () =>
    run(async () => {
      await dismissOptimizerAction();
      setJob(null);
    });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn-primary" onClick={start} disabled={pending || running || notEnough !== null} aria-describedby="optimizer-hint">
          Optimize my parameters
        </button>
        {customParams && (
          <button type="button" className="btn-secondary" onClick={reset} disabled={pending || running}>
            Go back to the default parameters
          </button>
        )}
      </div>
      <p id="optimizer-hint" className="text-sm text-slate-600" data-testid="optimizer-hint">
        {notEnough ??
          "Fits the parameters to your own review history (reviews and quiz answers), then compares them with the ones in use on the same reviews. Takes a few seconds; you can keep using the app."}
      </p>

      <div aria-live="polite" className="space-y-3">
        {message && (
          <p className="rounded-md bg-slate-100 p-3 text-sm" data-testid="optimizer-message">
            {message}
          </p>
        )}
        {job?.status === "running" && (
          <div className="space-y-2" data-testid="optimizer-running">
            <label htmlFor="optimizer-progress" className="block text-sm font-medium">
              {PHASE_TEXT[job.phase]}… {Math.round(job.progress * 100)}%
            </label>
            <progress id="optimizer-progress" className="h-3 w-full" max={1} value={job.progress} />
            <button type="button" className="btn-secondary" onClick={cancel} disabled={pending}>
              Cancel
            </button>
          </div>
        )}
        {job?.status === "cancelled" && (
          <p className="text-sm" data-testid="optimizer-cancelled">
            Optimization cancelled: nothing was changed.
          </p>
        )}
        {job?.status === "failed" && (
          <p role="alert" className="text-sm text-red-800">
            {job.error}
          </p>
        )}
        {job?.status === "done" && job.result && <Result job={job} pending={pending} onSave={save} onDismiss={dismiss} />}
      </div>
      {reschedule && <ReschedulePanel key={reschedule.key} reason={reschedule.reason} onClose={() => setReschedule(null)} />}
    </div>
  );
}

function Result({ job, pending, onSave, onDismiss }: { job: OptimizerJobView; pending: boolean; onSave: (force: boolean) => void; onDismiss: () => void }) {
  const r = job.result!;
  return (
    <div className="space-y-3" data-testid="optimizer-result">
      <table className="w-full max-w-xl text-left text-sm">
        <caption className="mb-1 text-left font-medium">
          How well each set of parameters predicted your {r.items.toLocaleString("en")} reviews that came a day or more after the one before (lower is better)
        </caption>
        <thead>
          <tr>
            <th scope="col">Parameters</th>
            <th scope="col">Log loss</th>
            <th scope="col">RMSE</th>
            {r.heldOut && <th scope="col">Log loss, latest {r.heldOut.items.toLocaleString("en")} reviews*</th>}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" className="font-normal">
              In use now
            </th>
            <td data-testid="current-logloss">{ll(r.current)}</td>
            <td>{rmse(r.current)}</td>
            {r.heldOut && <td>{ll(r.heldOut.current)}</td>}
          </tr>
          <tr>
            <th scope="row" className="font-normal">
              New
            </th>
            <td data-testid="new-logloss">{ll(r.proposed)}</td>
            <td>{rmse(r.proposed)}</td>
            {r.heldOut && <td>{ll(r.heldOut.proposed)}</td>}
          </tr>
        </tbody>
      </table>
      <p className="text-xs text-slate-600">
        {r.heldOut && "*The optimizer was run again on your earlier reviews only and scored on these later ones, which it never saw. "}
        {r.crossValidated &&
          `Time-series cross-validation of the optimizer on your history: log loss ${ll(r.crossValidated)}, RMSE ${rmse(r.crossValidated)}. `}
        Log loss and RMSE both measure the gap between the predicted and the actual chance of remembering.
      </p>
      {job.saved ? (
        <p className="text-sm font-medium text-green-800">Saved: these parameters are now in use.</p>
      ) : r.better ? (
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm font-medium">The new parameters predict your memory better.</p>
          <button type="button" className="btn-primary" onClick={() => onSave(false)} disabled={pending}>
            Save the new parameters
          </button>
          <button type="button" className="btn-secondary" onClick={onDismiss} disabled={pending}>
            Keep mine
          </button>
        </div>
      ) : (
        <div className="space-y-2">
          <p className="text-sm font-medium" data-testid="optimizer-not-better">
            {r.unchanged
              ? "Your history does not yet hold enough to improve on the parameters in use: they stay as they are."
              : "The new parameters do not predict your reviews better than the ones in use, so yours stay as they are."}
          </p>
          <div className="flex flex-wrap gap-3">
            <button type="button" className="btn-secondary" onClick={onDismiss} disabled={pending}>
              OK
            </button>
            <button type="button" className="btn-secondary" onClick={() => onSave(true)} disabled={pending}>
              Use the new parameters anyway
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
