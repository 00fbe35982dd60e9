// A card's FSRS memory state from its Anki review history: every graded
// revlog row is applied in order with ts-fsrs under the learner's settings,
// so the card's next due date follows FSRS rather than Anki's SM-2 interval.
import { createEmptyCard, fsrs, State, type Card, type FSRS, type Grade } from "ts-fsrs";
import { applyGrade, fromCard, GRADES, toCard, type LogEntry, type MemoryState } from "../srs/scheduler";
import { toFsrsParameters, type SchedulerSettings } from "../srs/settings";
import type { AnkiCard, AnkiRevlog } from "./collection";

/** Anki revlog `type` names (rslib/src/revlog/mod.rs RevlogReviewKind). */
export type RevlogKind = "learn" | "review" | "relearn" | "filtered" | "manual";

const KINDS: RevlogKind[] = ["learn", "review", "relearn", "filtered", "manual"];

export function revlogKind(type: number): RevlogKind {
  return KINDS[type] ?? "manual";
}

/** One imported review: the ReviewLog columns (state *before* the review, as ts-fsrs logs it). */
export interface ReplayedLog extends Omit<LogEntry, "rating"> {
  /** 1–4 Again/Hard/Good/Easy; 0 for a manual reschedule (not an answer from memory). */
  rating: number;
  kind: RevlogKind;
  /** Time spent answering, ms (Anki's revlog.time). */
  durationMs: number;
}

export interface Replayed {
  /** The card's state after its history; null when it is still new. */
  memory: MemoryState | null;
  logs: ReplayedLog[];
  /** First graded review: when the card stopped being new. */
  introducedAt: Date | null;
}

const DAY_MS = 86_400_000;

/** One ts-fsrs scheduler per import: building it parses the settings. */
export function makeScheduler(settings: SchedulerSettings): FSRS {
  return fsrs(toFsrsParameters(settings));
}

/**
 * Replays a card's revlog rows (any order; sorted by time here). Graded rows
 * (ease 1–4, learn/review/relearn/filtered) are applied with ts-fsrs `next`;
 * a manual row with interval 0 is Anki's "Forget" and resets the card to new
 * (ts-fsrs `forget`), other manual rows (set due date) leave the memory state
 * as it is — as Anki's FSRS does (rslib/src/scheduler/fsrs/memory_state.rs
 * ignores manual entries). A card with no graded history that Anki holds in
 * review (its history was deleted) keeps Anki's interval as its stability.
 */
export function replayHistory(
  f: FSRS,
  settings: SchedulerSettings,
  cardId: string,
  card: Pick<AnkiCard, "type" | "ivl" | "due">,
  revlog: AnkiRevlog[],
  crt: number,
): Replayed {
  const rows = [...revlog].sort((a, b) => a.id - b.id);
  let current: Card | null = null;
  let introducedAt: Date | null = null;
  const logs: ReplayedLog[] = [];
  for (const row of rows) {
    const at = new Date(row.id);
    const kind = revlogKind(row.type);
    const graded = row.ease >= 1 && row.ease <= 4 && kind !== "manual";
    const before: Card = current ?? createEmptyCard(at);
    if (graded) {
      // The scheduler's own rule (local days, fuzz seeded by card and review count), as a review in Recall would apply it.
      const grade = GRADES.find((g) => g.rating === row.ease)!.name;
      const { memory: after, log } = applyGrade(fromCard(before), grade, settings, at, cardId);
      logs.push({ ...log, rating: row.ease, kind, durationMs: Math.max(0, Math.min(row.time, 3_600_000)) });
      current = toCard(after);
      introducedAt ??= at;
    } else {
      logs.push({
        rating: 0,
        kind: "manual",
        durationMs: Math.max(0, Math.min(row.time, 3_600_000)),
        state: before.state,
        due: before.last_review ?? before.due,
        previousDue: before.due,
        stability: before.stability,
        difficulty: before.difficulty,
        elapsedDays: before.elapsed_days,
        lastElapsedDays: before.elapsed_days,
        scheduledDays: Math.max(0, row.ivl),
        learningSteps: before.learning_steps,
        review: at,
      });
      if (row.ivl === 0 && current) current = f.forget(current, at, false).card;
    }
  }
  if (current && current.state === State.New) current = null;
  if (!current && (card.type === 2 || card.type === 3) && card.ivl > 0) current = fromAnkiInterval(f, card, crt);
  return { memory: current ? fromCard(current) : null, logs, introducedAt };
}

/** A review card without history: Anki's interval as stability, its due day as due (Anki: due = days since col.crt). */
function fromAnkiInterval(f: FSRS, card: Pick<AnkiCard, "ivl" | "due">, crt: number): Card {
  const due = new Date((crt + card.due * 86_400) * 1000);
  const lastReview = new Date(due.getTime() - card.ivl * DAY_MS);
  const empty = createEmptyCard(lastReview);
  return {
    ...empty,
    due,
    stability: card.ivl,
    difficulty: f.init_difficulty(3 as Grade),
    scheduled_days: card.ivl,
    reps: 1,
    state: State.Review,
    last_review: lastReview,
  };
}

