// Arithmetic on calendar days written "YYYY-MM-DD". A day string names a date,
// not an instant, so all arithmetic runs on UTC midnights where every day has
// exactly 24 hours: no time zone or DST can shift the result.

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid day string; throws RangeError otherwise. */
export function dayNumber(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (match) {
    const [, y, m, d] = match;
    const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
    // Date.UTC rolls 2024-02-30 over to March; the round trip rejects it.
    if (formatUtcDay(ms) === day) return ms / DAY_MS;
  }
  throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
}

/** Inverse of dayNumber. */
export function dayFromNumber(n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole day number: ${n}`);
  return formatUtcDay(n * DAY_MS);
}

export function isValidDay(day: string): boolean {
  try {
    dayNumber(day);
    return true;
  } catch {
    return false;
  }
}

export function addDays(day: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  return dayFromNumber(dayNumber(day) + n);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday: the weekday of the date itself, whatever the zone. */
export function weekday(day: string): number {
  return new Date(dayNumber(day) * DAY_MS).getUTCDay();
}

function formatUtcDay(ms: number): string {
  const date = new Date(ms);
  const y = String(date.getUTCFullYear()).padStart(4, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  const d = String(date.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}
