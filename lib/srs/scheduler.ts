import { createEmptyCard, fsrs, Rating, State, type Card, type Grade, type ReviewLog } from "ts-fsrs";
import { toFsrsParameters, type SchedulerSettings } from "./settings";

/**
 * A card's FSRS memory state as Recall stores it (mirrors the CardState row).
 * `null` lastReview means the card has never been graded.
 */
export interface MemoryState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: State;
  lastReview: Date | null;
}

export type GradeName = "again" | "hard" | "good" | "easy";

export const GRADES: readonly { name: GradeName; rating: Grade; label: string; key: string }[] = [
  { name: "again", rating: Rating.Again, label: "Again", key: "1" },
  { name: "hard", rating: Rating.Hard, label: "Hard", key: "2" },
  { name: "good", rating: Rating.Good, label: "Good", key: "3" },
  { name: "easy", rating: Rating.Easy, label: "Easy", key: "4" },
];

export function ratingOf(name: GradeName): Grade {
  return GRADES.find((g) => g.name === name)!.rating;
}

/** The review-log fields Recall stores (state *before* the review, as ts-fsrs logs it). */
export interface LogEntry {
  rating: Grade;
  state: State;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  review: Date;
  /**
   * The card's due date before this review. ts-fsrs's own log keeps the
   * previous review time in `due`, so its rollback cannot restore the due
   * date; Recall stores it to make undo exact.
   */
  previousDue: Date;
}

export function newMemoryState(now: Date): MemoryState {
  return fromCard(createEmptyCard(now));
}

/** Recall's memory state as a ts-fsrs Card, and back. */
export function toCard(m: MemoryState): Card {
  return {
    due: m.due,
    stability: m.stability,
    difficulty: m.difficulty,
    elapsed_days: m.elapsedDays,
    scheduled_days: m.scheduledDays,
    learning_steps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state,
    last_review: m.lastReview ?? undefined,
  };
}

export function fromCard(c: Card): MemoryState {
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.last_review ?? null,
  };
}

function fromLog(l: ReviewLog, previousDue: Date): LogEntry {
  return {
    previousDue,
    rating: l.rating as Grade,
    state: l.state,
    due: l.due,
    stability: l.stability,
    difficulty: l.difficulty,
    elapsedDays: l.elapsed_days,
    lastElapsedDays: l.last_elapsed_days,
    scheduledDays: l.scheduled_days,
    learningSteps: l.learning_steps,
    review: l.review,
  };
}

export interface GradePreview {
  name: GradeName;
  label: string;
  key: string;
  due: Date;
  /** Milliseconds from `now` to the new due date. */
  intervalMs: number;
}

/** What each of the four grades would do to this card at `now` (ts-fsrs `repeat`). */
export function previewGrades(memory: MemoryState, settings: SchedulerSettings, now: Date): GradePreview[] {
  const preview = fsrs(toFsrsParameters(settings)).repeat(toCard(memory), now);
  return GRADES.map((g) => {
    const due = preview[g.rating].card.due;
    return { name: g.name, label: g.label, key: g.key, due, intervalMs: due.getTime() - now.getTime() };
  });
}

/** Applies one grade at `now` (ts-fsrs `next`): the new state and the log to append. */
export function applyGrade(
  memory: MemoryState,
  grade: GradeName,
  settings: SchedulerSettings,
  now: Date,
): { memory: MemoryState; log: LogEntry } {
  const result = fsrs(toFsrsParameters(settings)).next(toCard(memory), now, ratingOf(grade));
  return { memory: fromCard(result.card), log: fromLog(result.log, memory.due) };
}

/** Undoes one grade (ts-fsrs `rollback`): the state the card had before `log` was applied. */
export function undoGrade(after: MemoryState, log: LogEntry, settings: SchedulerSettings): MemoryState {
  const previous = fsrs(toFsrsParameters(settings)).rollback(toCard(after), {
    rating: log.rating,
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsedDays,
    last_elapsed_days: log.lastElapsedDays,
    scheduled_days: log.scheduledDays,
    learning_steps: log.learningSteps,
    review: log.review,
  });
  return { ...fromCard(previous), due: log.previousDue };
}

/** The lapse count at which a card becomes a leech and is suspended (Anki's default). */
export const LEECH_THRESHOLD = 8;

export function becomesLeech(before: MemoryState, after: MemoryState): boolean {
  return before.lapses < LEECH_THRESHOLD && after.lapses >= LEECH_THRESHOLD;
}
