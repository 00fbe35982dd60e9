// How many reviews fall due on each of the next days, by the user's local day
// of each card's due instant.

import { addDays, daysBetween } from "./calendar-day";

export interface ForecastDay {
  day: string;
  count: number;
}

/**
 * Exactly `days` entries from `today`, zeros filled in. Cards already overdue
 * are still waiting for the user, so they land on today rather than vanishing;
 * days past the window are left out.
 */
export function forecast(dueRows: { day: string; count: number }[], today: string, days = 30): ForecastDay[] {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  const result = Array.from({ length: days }, (_, i) => ({ day: addDays(today, i), count: 0 }));
  for (const row of dueRows) {
    if (!Number.isInteger(row.count) || row.count < 0) {
      throw new RangeError(`count must be a non-negative integer, got ${row.count}`);
    }
    const offset = Math.max(0, daysBetween(today, row.day));
    if (offset < days) result[offset].count += row.count;
  }
  return result;
}
