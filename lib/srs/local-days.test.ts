// Issue 12, rule 2: FSRS's elapsed days and intervals are the learner's local
// days (their time zone, counted from their day-start hour), as fsrs-rs and
// Anki count them (fsrs-rs#237) — not UTC dates — and an interval of N days
// lands on the local day N days later, across daylight-saving changes too.
import { describe, expect, it } from "vitest";
import { localDay } from "@/lib/progress/local-day";
import { addDays } from "@/lib/progress/calendar-day";
import { applyGrade, elapsedLocalDays, newMemoryState, previewGrades, type MemoryState } from "./scheduler";
import { DEFAULT_SETTINGS, type SchedulerSettings } from "./settings";

const at = (iso: string) => new Date(iso);
const noFuzz = (timeZone: string, dayStartHour = 4): SchedulerSettings => ({ ...DEFAULT_SETTINGS, enableFuzz: false, timeZone, dayStartHour });

/** A new card graded Good (first step), then Good again at `second` (graduates). */
function goodGood(settings: SchedulerSettings, first: Date, second: Date) {
  const learning = applyGrade(newMemoryState(first), "good", settings, first, "card").memory;
  return applyGrade(learning, "good", settings, second, "card");
}

describe("elapsed days are the learner's local days", () => {
  it("Honolulu (UTC−10): Good at 13:55 and Good at 14:05 the same afternoon is 0 days elapsed: stability 2.31, due in 2 local days", () => {
    const hnl = noFuzz("Pacific/Honolulu");
    // 13:55 HST = 23:55 UTC on 2 March; 14:05 HST = 00:05 UTC on 3 March.
    const r = goodGood(hnl, at("2026-03-02T23:55:00Z"), at("2026-03-03T00:05:00Z"));
    expect(r.log.elapsedDays).toBe(0);
    expect(r.memory.stability).toBeCloseTo(2.3065, 4);
    expect(r.memory.scheduledDays).toBe(2);
    expect(localDay(r.memory.due, hnl.timeZone, hnl.dayStartHour)).toBe("2026-03-04");
  });

  it("Tonga (UTC+13): a night between two reviews is 1 day elapsed, though both fall on one UTC date", () => {
    const tbu = noFuzz("Pacific/Tongatapu");
    // 22:00 on 2 March and 08:00 on 3 March in Tonga: 09:00 and 19:00 UTC on 2 March.
    const r = goodGood(tbu, at("2026-03-02T09:00:00Z"), at("2026-03-02T19:00:00Z"));
    expect(r.log.elapsedDays).toBe(1);
  });

  // The same two local moments, 23:30 and 08:30 the next morning, in four zones.
  const zones: [string, string, string][] = [
    ["Pacific/Honolulu", "2026-03-02T09:30:00Z", "2026-03-02T18:30:00Z"], // UTC−10
    ["UTC", "2026-03-02T23:30:00Z", "2026-03-03T08:30:00Z"],
    ["Asia/Kolkata", "2026-03-02T18:00:00Z", "2026-03-03T03:00:00Z"], // UTC+5:30
    ["Pacific/Tongatapu", "2026-03-02T10:30:00Z", "2026-03-02T19:30:00Z"], // UTC+13
  ];
  for (const [zone, evening, morning] of zones) {
    it(`${zone}: 23:30 then 08:30 the next morning is 1 day; 23:30 then 03:30 (before the 04:00 day start) is 0`, () => {
      const s = noFuzz(zone);
      expect(goodGood(s, at(evening), at(morning)).log.elapsedDays).toBe(1);
      const beforeDayStart = new Date(at(evening).getTime() + 4 * 3_600_000);
      expect(goodGood(s, at(evening), beforeDayStart).log.elapsedDays).toBe(0);
      // With the day starting at midnight, the same 03:30 is the next day.
      expect(goodGood(noFuzz(zone, 0), at(evening), beforeDayStart).log.elapsedDays).toBe(1);
    });
  }

  it("elapsedLocalDays is 0 for a new card and never negative (a review logged on a day after today after a move west)", () => {
    const s = noFuzz("UTC");
    expect(elapsedLocalDays(newMemoryState(at("2026-03-02T10:00:00Z")), s, at("2026-03-09T10:00:00Z"))).toBe(0);
    const m: MemoryState = { ...newMemoryState(at("2026-03-02T10:00:00Z")), state: 2, lastReview: at("2026-03-03T10:00:00Z") };
    expect(elapsedLocalDays(m, s, at("2026-03-02T10:00:00Z"))).toBe(0);
  });
});

describe("an interval of N days lands on the local day N days later, across daylight-saving changes", () => {
  // Each night changes the clocks: graded the evening before at 23:00 or in the
  // early hours around the day start, a review "in N days" must be due on
  // today + N, and never a day early or late.
  const nights: [string, string, string[]][] = [
    ["Europe/Paris spring forward", "Europe/Paris", ["2026-03-28T22:00:00Z", "2026-03-29T01:30:00Z", "2026-03-29T02:30:00Z"]],
    ["Europe/Paris fall back", "Europe/Paris", ["2026-10-24T21:00:00Z", "2026-10-25T01:30:00Z", "2026-10-25T02:30:00Z", "2026-10-25T03:30:00Z"]],
    ["America/New_York spring forward", "America/New_York", ["2026-03-08T04:00:00Z", "2026-03-08T07:30:00Z", "2026-03-08T08:30:00Z"]],
    ["America/New_York fall back", "America/New_York", ["2026-10-31T03:00:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:30:00Z", "2026-11-01T08:30:00Z"]],
  ];
  for (const [name, zone, instants] of nights) {
    it(`${name}: every grade's review interval, with fuzz on, is due on today + N local days`, () => {
      const s = { ...noFuzz(zone), enableFuzz: true };
      for (const iso of instants) {
        const now = at(iso);
        const today = localDay(now, zone, s.dayStartHour);
        for (const p of previewGrades(newMemoryState(now), s, now, `card-${iso}`)) {
          if (p.days === null) continue;
          expect(localDay(p.due, zone, s.dayStartHour)).toBe(addDays(today, p.days));
          expect(localDay(new Date(p.due.getTime() - 1), zone, s.dayStartHour)).toBe(addDays(today, p.days - 1)); // the very start of that day
        }
      }
    });
  }

  it("Paris fall back: a card graded at 04:30 the day before, 1 day later is due the next local day (24 hours later would still be the same day)", () => {
    const s = noFuzz("Europe/Paris");
    const now = at("2026-10-24T02:30:00Z"); // 04:30 CEST, Saturday 24 October
    const learned = applyGrade(newMemoryState(now), "good", s, now, "c").memory;
    const r = applyGrade(learned, "good", s, new Date(now.getTime() + 10 * 60_000), "c");
    expect(r.memory.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(localDay(r.memory.due, "Europe/Paris", 4)).toBe(addDays("2026-10-24", r.memory.scheduledDays));
  });
});
