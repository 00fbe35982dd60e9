// Data for a GitHub-style review calendar: one column per week, one row per
// weekday, darker for busier days.

import { addDays, dayNumber, weekday } from "./calendar-day";

export interface HeatmapCell {
  day: string;
  count: number;
  /** 0 = no reviews; 1–4 = quarters of the busiest day in the window. */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface Heatmap {
  /** Oldest week first; each week has 7 slots from `weekStartsOn`; null pads before the window and after today. */
  weeks: (HeatmapCell | null)[][];
  /** Reviews on the busiest day in the window (0 when none). */
  max: number;
}

/**
 * The last `days` local days ending `today`. Weeks start on Sunday like
 * GitHub's calendar unless `weekStartsOn` is 1 (Monday).
 */
export function heatmap(
  rows: { day: string; count: number }[],
  today: string,
  days = 365,
  weekStartsOn: 0 | 1 = 0,
): Heatmap {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  const todayNumber = dayNumber(today);
  const first = addDays(today, -(days - 1));

  const counts = new Array<number>(days).fill(0);
  for (const row of rows) {
    if (!Number.isInteger(row.count) || row.count < 0) {
      throw new RangeError(`count must be a non-negative integer, got ${row.count}`);
    }
    const index = days - 1 - (todayNumber - dayNumber(row.day));
    if (index >= 0 && index < days) counts[index] += row.count;
  }
  const max = counts.reduce((a, b) => Math.max(a, b), 0);

  const lead = (weekday(first) - weekStartsOn + 7) % 7;
  const slots: (HeatmapCell | null)[] = new Array(lead).fill(null);
  counts.forEach((count, i) => slots.push({ day: addDays(first, i), count, level: level(count, max) }));
  while (slots.length % 7 !== 0) slots.push(null);

  const weeks: (HeatmapCell | null)[][] = [];
  for (let i = 0; i < slots.length; i += 7) weeks.push(slots.slice(i, i + 7));
  return { weeks, max };
}

// Scaled to the window's busiest day rather than fixed thresholds, so a user
// doing 10 a day and one doing 300 both see a range of shades; any review at
// all is at least level 1 so that a light day still shows.
function level(count: number, max: number): HeatmapCell["level"] {
  if (count === 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((4 * count) / max))) as HeatmapCell["level"];
}
