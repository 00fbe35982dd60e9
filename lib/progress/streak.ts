// Review streaks over the user's local days (ReviewLog.day).

import { dayNumber } from "./calendar-day";

export interface Streaks {
  /** Consecutive days with reviews, ending today (or yesterday, see below). */
  current: number;
  /** The longest run of consecutive days with reviews ever. */
  longest: number;
}

export function streaks(daysWithReviews: string[], today: string): Streaks {
  const todayNumber = dayNumber(today);
  const numbers = [...new Set(daysWithReviews.map(dayNumber))].sort((a, b) => a - b);

  let longest = 0;
  let current = 0;
  let runStart = 0;
  for (let i = 0; i < numbers.length; i++) {
    if (i === 0 || numbers[i] !== numbers[i - 1] + 1) runStart = numbers[i];
    const runEndsHere = i === numbers.length - 1 || numbers[i + 1] !== numbers[i] + 1;
    if (!runEndsHere) continue;
    const runEnd = numbers[i];
    const length = runEnd - runStart + 1;
    longest = Math.max(longest, length);
    // A day with no review yet does not break the streak until it is over:
    // at 9 am, yesterday's streak is still alive and today can extend it.
    // A run that reaches past today (days logged in a zone further east
    // before the user moved) still contains today and counts whole.
    if (runStart <= todayNumber && runEnd >= todayNumber) current = length;
    else if (runEnd === todayNumber - 1) current = length;
  }
  return { current, longest };
}
