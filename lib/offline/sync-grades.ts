// Sends the grades made offline, oldest first, through the grade API that
// applies a grade once per card version (docs/decisions/003). Pure apart
// from the `send` and `done` callbacks the caller gives it.

import type { WaitingGrade } from "./offline-queue";

/** What the server answered for one grade. */
export type SendOutcome =
  | { kind: "applied" }
  /** The card's version moved on: graded elsewhere, or this grade was already applied. */
  | { kind: "duplicate" }
  /** The card is gone or no longer this learner's (404), or the grade was refused (400). */
  | { kind: "refused"; message: string }
  /** No answer (network down, server error, signed out): keep the grade and try later. */
  | { kind: "unreachable"; message: string };

export interface SyncReport {
  applied: number;
  /** Grades the server already had or that were made on a card changed since (not applied twice). */
  notApplied: { cardId: string; why: string }[];
  /** Grades still waiting on the device. */
  waiting: number;
  /** Why the sync stopped early, if it did. */
  stopped: string | null;
}

/**
 * Sends `grades` in order. Each answered grade is passed to `done` (the
 * caller removes it from the device); the first unanswered one stops the run
 * and is passed to `retry` with its attempt counted, so that the order is
 * kept. A "duplicate" for a grade sent before without an answer means that
 * earlier send was applied: it counts as applied, not as a stale grade.
 */
export async function syncGrades(
  grades: WaitingGrade[],
  send: (g: WaitingGrade) => Promise<SendOutcome>,
  done: (g: WaitingGrade) => Promise<void>,
  retry: (g: WaitingGrade) => Promise<void>,
): Promise<SyncReport> {
  const report: SyncReport = { applied: 0, notApplied: [], waiting: 0, stopped: null };
  for (let i = 0; i < grades.length; i++) {
    const g = grades[i];
    const outcome = await send(g);
    if (outcome.kind === "unreachable") {
      await retry({ ...g, attempts: g.attempts + 1 });
      report.waiting = grades.length - i;
      report.stopped = outcome.message;
      return report;
    }
    if (outcome.kind === "applied" || (outcome.kind === "duplicate" && g.attempts > 0)) report.applied++;
    else if (outcome.kind === "duplicate") report.notApplied.push({ cardId: g.cardId, why: "the card was reviewed elsewhere first" });
    else report.notApplied.push({ cardId: g.cardId, why: outcome.message });
    await done(g);
  }
  return report;
}

/** POST /api/review/grade for one waiting grade, read into a SendOutcome. */
export async function postGrade(g: WaitingGrade): Promise<SendOutcome> {
  let res: Response;
  try {
    res = await fetch("/api/review/grade", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ cardId: g.cardId, version: g.version, grade: g.grade, durationMs: Math.min(g.durationMs, 3_600_000) }),
      credentials: "same-origin",
    });
  } catch {
    return { kind: "unreachable", message: "No network." };
  }
  if (res.status === 401) return { kind: "unreachable", message: "Sign in again to send them." };
  if (res.status === 404) return { kind: "refused", message: "the card no longer exists" };
  if (res.status === 400) return { kind: "refused", message: "the server could not read the grade" };
  if (!res.ok) return { kind: "unreachable", message: `The server answered ${res.status}.` };
  const body = (await res.json().catch(() => null)) as { status?: string } | null;
  return body?.status === "duplicate" ? { kind: "duplicate" } : { kind: "applied" };
}

/** "5 grades synced", "1 grade synced; 1 not applied: …". */
export function describeSync(r: SyncReport): string {
  const parts = [`${r.applied} grade${r.applied === 1 ? "" : "s"} synced`];
  if (r.notApplied.length) parts.push(`${r.notApplied.length} not applied (${[...new Set(r.notApplied.map((n) => n.why))].join("; ")})`);
  if (r.waiting) parts.push(`${r.waiting} still waiting: ${r.stopped}`);
  return parts.join("; ") + ".";
}
