// True retention, as Anki defines it (Anki's statistics, "True Retention"):
// of the reviews of cards that were in review *and due* — not new, learning or
// relearning steps, whose intervals say nothing about long-term memory, and
// not early practice (a quiz answer before the card was due) — the share not
// answered Again. Split young/mature at Anki's 21 days (the interval the card
// had). It is the number to compare with the desired retention the user set.

import { addDays, dayNumber } from "./calendar-day";

export interface RetentionCounts {
  passed: number;
  failed: number;
}

export interface WeeklyRetention extends RetentionCounts {
  /** First local day of the 7-day bucket. */
  weekStart: string;
  retention: number | null;
}

const REVIEW_STATE = 2;
const AGAIN = 1;
const EASY = 4;
/** Anki: a card is mature once its interval is 21 days or more. */
export const MATURE_DAYS = 21;

/** A review log as much as true retention reads of it (ReviewLog columns: state *before* the review). */
export interface RetentionLog {
  state: number;
  rating: number;
  /** Whole local days since the card's previous review (ReviewLog.elapsedDays). */
  elapsedDays: number;
  /** The interval the card had been given before this review, in days (ReviewLog.scheduledDays). */
  scheduledDays: number;
}

export interface ReviewClass {
  outcome: "passed" | "failed";
  /** The card's interval was 21 days or more (Anki's mature). */
  mature: boolean;
}

/**
 * Whether a review log counts towards true retention, and which way: only a
 * card in review (ReviewLog.state) that was due — at least its interval had
 * passed, in the learner's days — answered with a grade. Null otherwise.
 */
export function classifyReview(log: RetentionLog): ReviewClass | null {
  if (log.state !== REVIEW_STATE || !Number.isInteger(log.rating)) return null;
  if (log.elapsedDays < log.scheduledDays) return null; // early: practice, not a test of memory
  const mature = log.scheduledDays >= MATURE_DAYS;
  if (log.rating === AGAIN) return { outcome: "failed", mature };
  // Manual (0) and unknown ratings are not answers from memory.
  return log.rating > AGAIN && log.rating <= EASY ? { outcome: "passed", mature } : null;
}

/** passed / (passed + failed), or null when there were no such reviews. */
export function trueRetention(counts: RetentionCounts): number | null {
  checkCounts(counts);
  const total = counts.passed + counts.failed;
  return total === 0 ? null : counts.passed / total;
}

/**
 * `weeks` buckets of 7 local days, oldest first; the last one ends on `today`
 * so the latest week is always complete rather than a calendar week's stub.
 * Rows outside the window are ignored; rows on the same day add up.
 */
export function weeklyRetention(
  rows: { day: string; passed: number; failed: number }[],
  today: string,
  weeks = 12,
): WeeklyRetention[] {
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`weeks must be a positive integer, got ${weeks}`);
  const todayNumber = dayNumber(today);
  const firstDay = addDays(today, -(7 * weeks - 1));
  const buckets = Array.from({ length: weeks }, (_, i) => ({
    weekStart: addDays(firstDay, 7 * i),
    passed: 0,
    failed: 0,
  }));
  for (const row of rows) {
    checkCounts(row);
    const daysAgo = todayNumber - dayNumber(row.day);
    if (daysAgo < 0 || daysAgo >= 7 * weeks) continue;
    const bucket = buckets[weeks - 1 - Math.floor(daysAgo / 7)];
    bucket.passed += row.passed;
    bucket.failed += row.failed;
  }
  return buckets.map((bucket) => ({ ...bucket, retention: trueRetention(bucket) }));
}

function checkCounts({ passed, failed }: RetentionCounts): void {
  if (!Number.isInteger(passed) || !Number.isInteger(failed) || passed < 0 || failed < 0) {
    throw new RangeError(`Counts must be non-negative integers, got passed=${passed} failed=${failed}`);
  }
}
