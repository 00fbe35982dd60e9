import { createEmptyCard, fsrs, Rating, State, StrategyMode, type Card, type Grade, type RecordLogItem, type ReviewLog } from "ts-fsrs";
import { addDays, daysBetween, localDay, startOfDay } from "@/lib/progress/local-day";
import { toFsrsParameters, type SchedulerSettings } from "./settings";
import type { GradeName } from "./grade-names";

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

export type { GradeName };

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
   * The card's due date before this review (ts-fsrs's own log keeps the
   * previous review time in `due`). Undo restores the whole state row it
   * recorded (lib/dal/undo.ts); this is kept in the history for reading.
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
  /**
   * For an outcome in review: the interval in the learner's whole local days
   * (the card is due on the local day this many days after today). Null for a
   * learning or relearning step, which is measured in minutes.
   */
  days: number | null;
}

const DAY_MS = 86_400_000;

/**
 * FSRS elapsed days in the learner's own days: whole local days (their time
 * zone, counted from their day-start hour) from the card's last review to
 * `now`; 0 for a new card. fsrs-rs and Anki count days this way (fsrs-rs#237);
 * ts-fsrs on its own counts UTC dates.
 */
export function elapsedLocalDays(memory: MemoryState, settings: SchedulerSettings, now: Date): number {
  if (memory.state === State.New || !memory.lastReview) return 0;
  const { timeZone, dayStartHour } = settings;
  return Math.max(0, daysBetween(localDay(memory.lastReview, timeZone, dayStartHour), localDay(now, timeZone, dayStartHour)));
}

/**
 * The fuzz seed of one answer: the card's id and its review count before the
 * answer, as Anki seeds it (rslib scheduler/answering `get_fuzz_seed`:
 * card id + reps). The same card at the same review count always gets the same
 * fuzz, so the interval on a button, the interval applied a few seconds later
 * and the button after a reload agree. Never the review time.
 */
export function fuzzSeed(cardId: string, reps: number): string {
  return `${cardId}+${reps}`;
}

/**
 * The instant a review interval of `days` ends: the start of the learner's
 * local day `days` days after today (an interval is whole local days, so it
 * lands on the right day across daylight-saving changes; a review is due all
 * that day, docs/decisions/006).
 */
export function dueAfterDays(now: Date, days: number, settings: Pick<SchedulerSettings, "timeZone" | "dayStartHour">): Date {
  const { timeZone, dayStartHour } = settings;
  return startOfDay(addDays(localDay(now, timeZone, dayStartHour), days), timeZone, dayStartHour);
}

function scheduler(settings: SchedulerSettings, cardId: string, memory: MemoryState) {
  const seed = fuzzSeed(cardId, memory.reps);
  return fsrs(toFsrsParameters(settings)).useStrategy(StrategyMode.SEED, () => seed);
}

/**
 * The card as ts-fsrs must see it: ts-fsrs counts elapsed days between the UTC
 * dates of the last review and now, so the last review is placed exactly the
 * learner's elapsed local days before `now` (`now` itself for a card never
 * reviewed: 0 days, as ts-fsrs counts a new card). Everything else it computes
 * from `now` (learning steps in minutes) is unchanged.
 */
function asFsrsCard(memory: MemoryState, settings: SchedulerSettings, now: Date): Card {
  return { ...toCard(memory), last_review: new Date(now.getTime() - elapsedLocalDays(memory, settings, now) * DAY_MS) };
}

/**
 * ts-fsrs's result on Recall's clock: a review lands on its local day; the log
 * keeps the real previous review time (the card's due date if it had none, as
 * ts-fsrs logs a new card).
 */
function fromFsrs(item: RecordLogItem, before: MemoryState, settings: SchedulerSettings, now: Date): { memory: MemoryState; log: LogEntry } {
  const memory = fromCard(item.card);
  if (item.card.state === State.Review) memory.due = dueAfterDays(now, item.card.scheduled_days, settings);
  const log = fromLog(item.log, before.due);
  log.due = before.lastReview ?? before.due;
  return { memory, log };
}

/**
 * What each of the four grades would do to the card `cardId` at `now` (ts-fsrs
 * `repeat`, with the learner's local days and Anki's fuzz seed): exactly what
 * `applyGrade` applies for that grade, at any `now` on the same local day for a
 * review outcome, and `now` plus the same minutes for a step.
 */
export function previewGrades(memory: MemoryState, settings: SchedulerSettings, now: Date, cardId: string): GradePreview[] {
  const preview = scheduler(settings, cardId, memory).repeat(asFsrsCard(memory, settings, now), now);
  return GRADES.map((g) => {
    const { memory: next } = fromFsrs(preview[g.rating], memory, settings, now);
    const days = next.state === State.Review ? next.scheduledDays : null;
    return { name: g.name, label: g.label, key: g.key, due: next.due, intervalMs: next.due.getTime() - now.getTime(), days };
  });
}

/** Applies one grade to the card `cardId` at `now` (ts-fsrs `next`, as `previewGrades`): the new state and the log to append. */
export function applyGrade(
  memory: MemoryState,
  grade: GradeName,
  settings: SchedulerSettings,
  now: Date,
  cardId: string,
): { memory: MemoryState; log: LogEntry } {
  const result = scheduler(settings, cardId, memory).next(asFsrsCard(memory, settings, now), now, ratingOf(grade));
  return fromFsrs(result, memory, settings, now);
}

/**
 * The lapse count at which a card becomes a leech and is suspended (Anki's
 * default leech threshold, rslib deckconfig). The one home of this number.
 */
export const LEECH_THRESHOLD = 8;

/**
 * Whether reaching `lapses` lapses makes a card a leech: at the threshold and
 * again at every half threshold after it, rounded up (8, 12, 16, …), as Anki
 * rslib scheduler/states/review.rs `leech_threshold_met`.
 */
export function isLeechLapse(lapses: number, threshold: number = LEECH_THRESHOLD): boolean {
  if (threshold <= 0 || lapses < threshold) return false;
  const half = Math.max(1, Math.ceil(threshold / 2));
  return (lapses - threshold) % half === 0;
}

/** Whether this grade made the card a leech: it lapsed, onto a leech lapse count. */
export function becomesLeech(before: MemoryState, after: MemoryState): boolean {
  return after.lapses > before.lapses && isLeechLapse(after.lapses);
}

/**
 * The one definition of "due" (the queue's SQL in lib/dal/queue-sql.ts says
 * the same): a card in review is due all day on the local day it falls due,
 * from the start of that day (`dayEnd` is when the learner's current day
 * ends), as in Anki; a learning or relearning step only once its minute has
 * come; a new card never (it is introduced, not due).
 */
export function isDue(card: { state: number; due: Date }, now: Date, dayEnd: Date): boolean {
  if (card.state === State.Review) return card.due.getTime() < dayEnd.getTime();
  if (card.state === State.Learning || card.state === State.Relearning) return card.due.getTime() <= now.getTime();
  return false;
}
