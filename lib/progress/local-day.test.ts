import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  endOfLocalDay,
  isValidDay,
  isValidTimeZone,
  localDay,
  startOfDay,
  startOfLocalDay,
} from "./local-day";

const at = (iso: string) => new Date(iso);
const start = (now: string, tz: string, hour: number) => startOfLocalDay(at(now), tz, hour).toISOString();

describe("localDay", () => {
  it("puts the small hours before dayStartHour on the previous day", () => {
    // 02:30 CET on 15 Jan is 01:30 UTC.
    expect(localDay(at("2024-01-15T01:30:00Z"), "Europe/Paris", 4)).toBe("2024-01-14");
    // 04:00 CET sharp opens the new day.
    expect(localDay(at("2024-01-15T03:00:00Z"), "Europe/Paris", 4)).toBe("2024-01-15");
    expect(localDay(at("2024-01-15T02:59:59Z"), "Europe/Paris", 4)).toBe("2024-01-14");
  });

  it("answers the same for every instant of one second and moves on at the next second (the per-zone last-second memory)", () => {
    // 23:59:59 in Tokyo (UTC+9) is 14:59:59 UTC; the next second is the next day.
    expect(localDay(at("2024-03-09T14:59:59.000Z"), "Asia/Tokyo", 0)).toBe("2024-03-09");
    expect(localDay(at("2024-03-09T14:59:59.999Z"), "Asia/Tokyo", 0)).toBe("2024-03-09");
    expect(localDay(at("2024-03-09T15:00:00.000Z"), "Asia/Tokyo", 0)).toBe("2024-03-10");
    // Another zone asked in between does not leak into this one's memory.
    expect(localDay(at("2024-03-09T15:00:00.000Z"), "America/Chicago", 0)).toBe("2024-03-09");
    expect(localDay(at("2024-03-09T15:00:00.500Z"), "Asia/Tokyo", 0)).toBe("2024-03-10");
  });

  it("with dayStartHour 0 is the plain local date", () => {
    expect(localDay(at("2024-01-15T01:30:00Z"), "Europe/Paris", 0)).toBe("2024-01-15");
    expect(localDay(at("2024-01-14T22:59:59Z"), "Europe/Paris", 0)).toBe("2024-01-14");
  });

  it("follows the local date, not the UTC date", () => {
    // 10:00 UTC on 1 Jan is 23:00 NZDT the same day; 11:00 UTC on 31 Dec is already 00:00 on 1 Jan in Auckland.
    expect(localDay(at("2024-01-01T10:00:00Z"), "Pacific/Auckland", 4)).toBe("2024-01-01");
    expect(localDay(at("2023-12-31T11:00:00Z"), "Pacific/Auckland", 0)).toBe("2024-01-01");
    expect(localDay(at("2023-12-31T11:00:00Z"), "Pacific/Auckland", 4)).toBe("2023-12-31");
    // 03:00 UTC on 1 Jan is 22:00 EST on 31 Dec.
    expect(localDay(at("2024-01-01T03:00:00Z"), "America/New_York", 4)).toBe("2023-12-31");
  });

  it("handles a half-hour offset (Asia/Kolkata, +05:30)", () => {
    expect(localDay(at("2024-06-15T18:29:59Z"), "Asia/Kolkata", 0)).toBe("2024-06-15");
    expect(localDay(at("2024-06-15T18:30:00Z"), "Asia/Kolkata", 0)).toBe("2024-06-16");
    // 03:30 IST on 16 June, before a 04:00 day start.
    expect(localDay(at("2024-06-15T22:00:00Z"), "Asia/Kolkata", 4)).toBe("2024-06-15");
  });

  it("uses the wall-clock hour on a fall-back day, both times 02:xx happens", () => {
    // Paris, 27 Oct 2024: 03:00 CEST -> 02:00 CET at 01:00 UTC, so 02:30 happens at 00:30Z and 01:30Z.
    expect(localDay(at("2024-10-27T00:30:00Z"), "Europe/Paris", 3)).toBe("2024-10-26");
    expect(localDay(at("2024-10-27T01:30:00Z"), "Europe/Paris", 3)).toBe("2024-10-26");
    expect(localDay(at("2024-10-27T02:00:00Z"), "Europe/Paris", 3)).toBe("2024-10-27");
    // New York, 3 Nov 2024: 01:30 EST (second pass) is 06:30Z.
    expect(localDay(at("2024-11-03T06:30:00Z"), "America/New_York", 2)).toBe("2024-11-02");
  });

  it("uses the wall-clock hour on a spring-forward day", () => {
    // Paris, 31 Mar 2024: 04:30 CEST is 02:30Z; only 3 real hours after midnight CET (23:00Z).
    expect(localDay(at("2024-03-31T02:30:00Z"), "Europe/Paris", 4)).toBe("2024-03-31");
    expect(localDay(at("2024-03-31T01:59:59Z"), "Europe/Paris", 4)).toBe("2024-03-30");
  });

  it("rejects bad input", () => {
    expect(() => localDay(at("2024-01-01T00:00:00Z"), "Mars/Olympus", 4)).toThrow(RangeError);
    expect(() => localDay(at("2024-01-01T00:00:00Z"), "UTC", 24)).toThrow(RangeError);
    expect(() => localDay(at("2024-01-01T00:00:00Z"), "UTC", 1.5)).toThrow(RangeError);
    expect(() => localDay(new Date("nope"), "UTC", 4)).toThrow(RangeError);
  });
});

describe("startOfLocalDay", () => {
  it("in UTC is dayStartHour o'clock, yesterday before that hour", () => {
    expect(start("2024-02-29T12:00:00Z", "UTC", 4)).toBe("2024-02-29T04:00:00.000Z");
    expect(start("2024-02-29T03:59:59Z", "UTC", 4)).toBe("2024-02-28T04:00:00.000Z");
    expect(start("2024-03-01T00:00:00Z", "UTC", 0)).toBe("2024-03-01T00:00:00.000Z");
  });

  it("handles +05:30 (Asia/Kolkata)", () => {
    // 03:30 IST on 16 June: the day began 04:00 IST on 15 June = 22:30Z on 14 June.
    expect(start("2024-06-15T22:00:00Z", "Asia/Kolkata", 4)).toBe("2024-06-14T22:30:00.000Z");
    expect(start("2024-06-15T22:00:00Z", "Asia/Kolkata", 0)).toBe("2024-06-15T18:30:00.000Z");
  });

  it("handles Europe/Paris on the spring-forward day (02:00 CET -> 03:00 CEST at 01:00Z)", () => {
    expect(start("2024-03-31T12:00:00Z", "Europe/Paris", 0)).toBe("2024-03-30T23:00:00.000Z"); // 00:00 CET
    expect(start("2024-03-31T12:00:00Z", "Europe/Paris", 4)).toBe("2024-03-31T02:00:00.000Z"); // 04:00 CEST
    // 02:00 never shows on the clock: the day starts when the clock jumps to 03:00.
    expect(start("2024-03-31T12:00:00Z", "Europe/Paris", 2)).toBe("2024-03-31T01:00:00.000Z");
    // 01:30 CET is still the previous day, which began 04:00 CET on the 30th.
    expect(start("2024-03-31T00:30:00Z", "Europe/Paris", 4)).toBe("2024-03-30T03:00:00.000Z");
  });

  it("handles Europe/Paris on the fall-back day (03:00 CEST -> 02:00 CET at 01:00Z)", () => {
    expect(start("2024-10-27T12:00:00Z", "Europe/Paris", 0)).toBe("2024-10-26T22:00:00.000Z"); // 00:00 CEST
    expect(start("2024-10-27T12:00:00Z", "Europe/Paris", 4)).toBe("2024-10-27T03:00:00.000Z"); // 04:00 CET
    // 02:00 happens twice; the day began at the first, 02:00 CEST.
    expect(start("2024-10-27T12:00:00Z", "Europe/Paris", 2)).toBe("2024-10-27T00:00:00.000Z");
  });

  it("handles America/New_York on both transition days", () => {
    // 10 Mar 2024: 02:00 EST -> 03:00 EDT at 07:00Z.
    expect(start("2024-03-10T18:00:00Z", "America/New_York", 0)).toBe("2024-03-10T05:00:00.000Z");
    expect(start("2024-03-10T18:00:00Z", "America/New_York", 4)).toBe("2024-03-10T08:00:00.000Z");
    expect(start("2024-03-10T18:00:00Z", "America/New_York", 2)).toBe("2024-03-10T07:00:00.000Z");
    // 3 Nov 2024: 02:00 EDT -> 01:00 EST at 06:00Z.
    expect(start("2024-11-03T18:00:00Z", "America/New_York", 0)).toBe("2024-11-03T04:00:00.000Z");
    expect(start("2024-11-03T18:00:00Z", "America/New_York", 1)).toBe("2024-11-03T05:00:00.000Z"); // first 01:00, EDT
    expect(start("2024-11-03T18:00:00Z", "America/New_York", 4)).toBe("2024-11-03T09:00:00.000Z");
  });

  it("handles Pacific/Auckland across a year end and its transitions", () => {
    // 23:00 NZDT on 1 Jan 2024: the day began 04:00 NZDT = 15:00Z on 31 Dec 2023.
    expect(start("2024-01-01T10:00:00Z", "Pacific/Auckland", 4)).toBe("2023-12-31T15:00:00.000Z");
    // 29 Sep 2024: 02:00 NZST -> 03:00 NZDT at 14:00Z on the 28th.
    expect(start("2024-09-29T00:00:00Z", "Pacific/Auckland", 4)).toBe("2024-09-28T15:00:00.000Z");
    expect(start("2024-09-29T00:00:00Z", "Pacific/Auckland", 2)).toBe("2024-09-28T14:00:00.000Z");
    // 7 Apr 2024: 03:00 NZDT -> 02:00 NZST at 14:00Z on the 6th.
    expect(start("2024-04-07T00:00:00Z", "Pacific/Auckland", 4)).toBe("2024-04-06T16:00:00.000Z");
    expect(start("2024-04-07T00:00:00Z", "Pacific/Auckland", 2)).toBe("2024-04-06T13:00:00.000Z");
  });

  it("finds the true end of a gap that does not start on the hour (Lord Howe skips 02:00-02:30)", () => {
    // Australia/Lord_Howe, 6 Oct 2024: 02:00 +10:30 -> 02:30 +11 at 15:30Z on the 5th.
    expect(start("2024-10-06T03:00:00Z", "Australia/Lord_Howe", 2)).toBe("2024-10-05T15:30:00.000Z");
  });

  it("starts a day whose start hour was skipped entirely at the jump (Samoa skipped 30 Dec 2011)", () => {
    // Pacific/Apia jumped from 29 Dec 23:59:59 -10 to 31 Dec 00:00 +14 at 10:00Z on 30 Dec.
    // At 02:00 on the 31st with a 04:00 day start the user is still in "the 30th",
    // which began at the jump, not at a 04:00 that never came.
    expect(localDay(at("2011-12-30T12:00:00Z"), "Pacific/Apia", 4)).toBe("2011-12-30");
    expect(start("2011-12-30T12:00:00Z", "Pacific/Apia", 4)).toBe("2011-12-30T10:00:00.000Z");
    expect(start("2011-12-30T15:00:00Z", "Pacific/Apia", 4)).toBe("2011-12-30T14:00:00.000Z"); // 04:00 +14 on the 31st
  });

  it("agrees with localDay at every quarter hour around transitions", () => {
    const cases: [string, string][] = [
      ["Europe/Paris", "2024-03-29T00:00:00Z"],
      ["Europe/Paris", "2024-10-25T00:00:00Z"],
      ["America/New_York", "2024-03-08T00:00:00Z"],
      ["America/New_York", "2024-11-01T00:00:00Z"],
      ["Pacific/Auckland", "2024-04-05T00:00:00Z"],
      ["Pacific/Auckland", "2024-09-27T00:00:00Z"],
      ["Asia/Kolkata", "2024-06-14T00:00:00Z"],
      ["Australia/Lord_Howe", "2024-10-04T00:00:00Z"],
    ];
    for (const [tz, from] of cases) {
      for (const hour of [0, 1, 2, 3, 4, 23]) {
        for (let step = 0; step < 4 * 24 * 4; step++) {
          const now = new Date(Date.parse(from) + step * 15 * 60_000);
          const begin = startOfLocalDay(now, tz, hour);
          const today = localDay(now, tz, hour);
          const context = `${tz} ${now.toISOString()} h${hour}`;
          expect(begin.getTime(), context).toBeLessThanOrEqual(now.getTime());
          expect(localDay(begin, tz, hour), context).toBe(today);
          expect(localDay(new Date(begin.getTime() - 1000), tz, hour), context).toBe(addDays(today, -1));
          const end = endOfLocalDay(now, tz, hour);
          expect(end.getTime(), context).toBeGreaterThan(now.getTime());
          expect(localDay(end, tz, hour), context).toBe(addDays(today, 1));
          expect(localDay(new Date(end.getTime() - 1000), tz, hour), context).toBe(today);
        }
      }
    }
  });
});

describe("endOfLocalDay / startOfDay", () => {
  it("gives the instant the next local day begins, 23 or 25 hours later on DST days", () => {
    // Paris, 31 Mar 2024 with midnight days: 00:00 CET (23:00Z on the 30th) to 00:00 CEST (22:00Z).
    expect(endOfLocalDay(at("2024-03-31T12:00:00Z"), "Europe/Paris", 0).toISOString()).toBe("2024-03-31T22:00:00.000Z");
    // New York, 3 Nov 2024: 00:00 EDT (04:00Z) to 00:00 EST on the 4th (05:00Z).
    expect(endOfLocalDay(at("2024-11-03T12:00:00Z"), "America/New_York", 0).toISOString()).toBe("2024-11-04T05:00:00.000Z");
    // 03:00 local with a 04:00 day start: today ends an hour later, at 04:00 the same date.
    expect(endOfLocalDay(at("2024-06-15T03:00:00Z"), "UTC", 4).toISOString()).toBe("2024-06-15T04:00:00.000Z");
  });

  it("starts any named day", () => {
    expect(startOfDay("2024-01-01", "Pacific/Auckland", 4).toISOString()).toBe("2023-12-31T15:00:00.000Z");
    expect(startOfDay("2024-01-01", "America/New_York", 0).toISOString()).toBe("2024-01-01T05:00:00.000Z");
    expect(() => startOfDay("2024-01-32", "UTC", 0)).toThrow(RangeError);
  });
});

describe("addDays / daysBetween / isValidDay", () => {
  it("crosses month, leap-day and year ends", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
    expect(addDays("2024-03-30", 1)).toBe("2024-03-31"); // a DST weekend changes nothing
  });

  it("counts days between", () => {
    expect(daysBetween("2023-12-30", "2024-01-02")).toBe(3);
    expect(daysBetween("2024-01-02", "2023-12-30")).toBe(-3);
  });

  it("rejects days that do not exist or are badly written", () => {
    expect(isValidDay("2024-02-29")).toBe(true);
    expect(isValidDay("2023-02-29")).toBe(false);
    expect(isValidDay("2024-2-9")).toBe(false);
    expect(isValidDay("2024-13-01")).toBe(false);
    expect(() => addDays("2024-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("2024-02-01", 0.5)).toThrow(RangeError);
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA zones and rejects the rest", () => {
    for (const tz of ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"]) {
      expect(isValidTimeZone(tz), tz).toBe(true);
    }
    for (const tz of ["", "  ", "Mars/Olympus", "Europe/Pariss", "GMT+25"]) {
      expect(isValidTimeZone(tz), tz).toBe(false);
    }
  });
});
