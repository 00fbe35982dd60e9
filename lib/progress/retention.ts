// True retention, as Anki defines it: of the reviews of cards that were in the
// review state (not new, learning or relearning steps, whose intervals are too
// short to say anything about long-term memory), the share not answered Again.
// It is the number to compare with the desired retention the user set.

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

/**
 * Whether a review log counts towards true retention, and which way. Takes the
 * state before the review (ReviewLog.state), which is what decides.
 */
export function classifyReview(log: { state: number; rating: number }): "passed" | "failed" | null {
  if (log.state !== REVIEW_STATE || !Number.isInteger(log.rating)) return null;
  if (log.rating === AGAIN) return "failed";
  // Manual (0) and unknown ratings are not answers from memory.
  return log.rating > AGAIN && log.rating <= EASY ? "passed" : null;
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
