// The user's calendar day, in their time zone, with a day that starts at
// `dayStartHour` local time (Anki's "next day starts at"), so that a late
// session at 01:30 still counts for the evening it belongs to.
//
// Only Intl.DateTimeFormat is used: the runtime's ICU data already knows every
// zone's rules, and a second copy in a tz library could disagree with it.

import { addDays, dayFromNumber, dayNumber } from "./calendar-day";

export { addDays, daysBetween, isValidDay } from "./calendar-day";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Building a DateTimeFormat is far slower than using one; a user's zone is
// asked for on every grouped row, so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        // h23: some engines print midnight as "24" under hour12: false.
        hourCycle: "h23",
        numberingSystem: "latn",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone.trim() === "") return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

// The last wall time read per zone, by whole UTC second: formatToParts reads
// whole seconds, so every instant of one second has the same wall time. A
// review request asks for "now" in the learner's zone several times, and
// requests in the same second share it.
const lastWall = new Map<string, { second: number; wall: Readonly<WallTime> }>();

function wallTime(ms: number, timeZone: string): Readonly<WallTime> {
  const second = Math.floor(ms / 1000);
  const last = lastWall.get(timeZone);
  if (last && last.second === second) return last.wall;
  const wall: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type in wall) wall[part.type as keyof WallTime] = Number(part.value);
  }
  // One entry per zone asked for (zones are a finite list: no bound needed beyond formatters').
  lastWall.set(timeZone, { second, wall });
  return wall;
}

/** The wall clock reading as if it were UTC: lets offsets be plain subtraction. */
function wallAsUtc(wall: Readonly<WallTime>): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** Local minus UTC, in ms, at an instant (Intl only resolves whole seconds). */
function offsetAt(ms: number, timeZone: string): number {
  return wallAsUtc(wallTime(ms, timeZone)) - Math.floor(ms / 1000) * 1000;
}

function checkInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  return ms;
}

function checkDayStartHour(dayStartHour: number): void {
  if (!Number.isInteger(dayStartHour) || dayStartHour < 0 || dayStartHour > 23) {
    throw new RangeError(`dayStartHour must be a whole hour 0–23, got ${dayStartHour}`);
  }
}

/** The user's calendar day "YYYY-MM-DD" that `instant` belongs to. */
export function localDay(instant: Date, timeZone: string, dayStartHour: number): string {
  checkDayStartHour(dayStartHour);
  const wall = wallTime(checkInstant(instant), timeZone);
  const date = dayFromNumber(Date.UTC(wall.year, wall.month - 1, wall.day) / DAY_MS);
  // Compare the wall-clock hour rather than subtracting dayStartHour hours
  // from the instant: on a DST day those hours are not all 60 minutes long.
  return wall.hour < dayStartHour ? addDays(date, -1) : date;
}

/** The UTC instant at which the user's current local day began. */
export function startOfLocalDay(now: Date, timeZone: string, dayStartHour: number): Date {
  return startOfDay(localDay(now, timeZone, dayStartHour), timeZone, dayStartHour);
}

/**
 * The UTC instant at which the next local day begins: "due today" means due
 * before this, as in Anki, so cards due at 22:00 show up in the morning.
 */
export function endOfLocalDay(now: Date, timeZone: string, dayStartHour: number): Date {
  return startOfDay(addDays(localDay(now, timeZone, dayStartHour), 1), timeZone, dayStartHour);
}

/**
 * The UTC instant at which local `day` begins: the first instant whose wall
 * clock reads `dayStartHour`:00 on that date. If that wall time is skipped by
 * a spring-forward gap, the day began when the gap ended; if it happens twice
 * (fall back), the day began at the first one.
 */
export function startOfDay(day: string, timeZone: string, dayStartHour: number): Date {
  checkDayStartHour(dayStartHour);
  // A pure function of its arguments, asked for the same few days on every
  // review request (today's end, each grade's due day): remembered, bounded.
  const key = `${timeZone}|${dayStartHour}|${day}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return new Date(known);
  const start = computeStartOfDay(day, timeZone, dayStartHour);
  if (dayStarts.size >= MAX_DAY_STARTS) dayStarts.clear();
  dayStarts.set(key, start.getTime());
  return start;
}

const dayStarts = new Map<string, number>();
const MAX_DAY_STARTS = 20_000;

function computeStartOfDay(day: string, timeZone: string, dayStartHour: number): Date {
  const target = dayNumber(day) * DAY_MS + dayStartHour * HOUR_MS;

  // A zone changes offset at most once within a day of any instant, so the
  // offsets a day either side of the target are the only ones it can be read in.
  const offsets = new Set([
    offsetAt(target - DAY_MS, timeZone),
    offsetAt(target, timeZone),
    offsetAt(target + DAY_MS, timeZone),
  ]);
  const exact = [...offsets]
    .map((offset) => target - offset)
    .filter((ms) => ms + offsetAt(ms, timeZone) === target)
    .sort((a, b) => a - b);
  if (exact.length > 0) return new Date(exact[0]);

  // The target wall time does not exist: the day began at the jump over it,
  // the first instant whose wall clock reads past the target.
  return new Date(gapEnd(target, Math.min(...offsets), Math.max(...offsets), timeZone));
}

function gapEnd(target: number, smallOffset: number, largeOffset: number, timeZone: string): number {
  const readsAtOrAfterTarget = (ms: number) => ms + offsetAt(ms, timeZone) >= target;
  // Under the larger offset the instant reads before the target, under the
  // smaller one after it; bisect on whole seconds between the two.
  let before = Math.floor((target - largeOffset) / 1000);
  let after = Math.ceil((target - smallOffset) / 1000);
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (readsAtOrAfterTarget(mid * 1000)) after = mid;
    else before = mid;
  }
  return after * 1000;
}
