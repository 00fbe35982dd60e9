import { describe, expect, it } from "vitest";
import { classifyReview, trueRetention, weeklyRetention } from "./retention";

describe("classifyReview (Anki's true retention)", () => {
  const due = { elapsedDays: 10, scheduledDays: 10 };
  it("counts only reviews of cards in the review state", () => {
    expect(classifyReview({ state: 2, rating: 1, ...due })?.outcome).toBe("failed");
    expect(classifyReview({ state: 2, rating: 2, ...due })?.outcome).toBe("passed");
    expect(classifyReview({ state: 2, rating: 3, ...due })?.outcome).toBe("passed");
    expect(classifyReview({ state: 2, rating: 4, ...due })?.outcome).toBe("passed");
    expect(classifyReview({ state: 0, rating: 3, ...due })).toBeNull();
    expect(classifyReview({ state: 1, rating: 1, ...due })).toBeNull();
    expect(classifyReview({ state: 3, rating: 3, ...due })).toBeNull();
    expect(classifyReview({ state: 2, rating: 0, ...due })).toBeNull(); // manual reschedule
  });

  it("leaves out a review before the card was due: a wrong quiz answer minutes after an Easy is practice, not a failed review", () => {
    expect(classifyReview({ state: 2, rating: 1, elapsedDays: 0, scheduledDays: 8 })).toBeNull();
    expect(classifyReview({ state: 2, rating: 3, elapsedDays: 7, scheduledDays: 8 })).toBeNull();
    expect(classifyReview({ state: 2, rating: 1, elapsedDays: 9, scheduledDays: 8 })).toEqual({ outcome: "failed", mature: false }); // overdue counts
  });

  it("splits young and mature at Anki's 21 days of interval", () => {
    expect(classifyReview({ state: 2, rating: 3, elapsedDays: 20, scheduledDays: 20 })?.mature).toBe(false);
    expect(classifyReview({ state: 2, rating: 3, elapsedDays: 21, scheduledDays: 21 })?.mature).toBe(true);
  });
});

describe("trueRetention", () => {
  it("is the passed share, null without reviews", () => {
    expect(trueRetention({ passed: 9, failed: 1 })).toBe(0.9);
    expect(trueRetention({ passed: 0, failed: 3 })).toBe(0);
    expect(trueRetention({ passed: 0, failed: 0 })).toBeNull();
  });

  it("rejects impossible counts", () => {
    expect(() => trueRetention({ passed: -1, failed: 2 })).toThrow(RangeError);
    expect(() => trueRetention({ passed: 1.5, failed: 2 })).toThrow(RangeError);
  });
});

describe("weeklyRetention", () => {
  // 2024-03-06 minus 83 days is 2023-12-14 (through a 29-day February and a year end).
  const today = "2024-03-06";

  it("returns 12 seven-day buckets, oldest first, the last ending today", () => {
    const weeks = weeklyRetention([], today);
    expect(weeks).toHaveLength(12);
    expect(weeks[0].weekStart).toBe("2023-12-14");
    expect(weeks[1].weekStart).toBe("2023-12-21");
    expect(weeks[3].weekStart).toBe("2024-01-04");
    expect(weeks[11].weekStart).toBe("2024-02-29");
    expect(weeks.every((w) => w.passed === 0 && w.failed === 0 && w.retention === null)).toBe(true);
  });

  it("sums days into their bucket and ignores days outside the window", () => {
    const weeks = weeklyRetention(
      [
        { day: "2024-03-06", passed: 3, failed: 1 },
        { day: "2024-02-29", passed: 1, failed: 0 }, // first day of the last bucket
        { day: "2024-03-06", passed: 4, failed: 1 }, // same day again
        { day: "2024-02-28", passed: 0, failed: 2 }, // last day of the bucket before
        { day: "2023-12-14", passed: 5, failed: 5 }, // first day of the window
        { day: "2023-12-13", passed: 100, failed: 0 }, // one day too old
        { day: "2024-03-07", passed: 100, failed: 0 }, // tomorrow
      ],
      today,
    );
    expect(weeks[11]).toEqual({ weekStart: "2024-02-29", passed: 8, failed: 2, retention: 0.8 });
    expect(weeks[10]).toEqual({ weekStart: "2024-02-22", passed: 0, failed: 2, retention: 0 });
    expect(weeks[0]).toEqual({ weekStart: "2023-12-14", passed: 5, failed: 5, retention: 0.5 });
    expect(weeks.slice(1, 10).every((w) => w.retention === null)).toBe(true);
  });

  it("takes another number of weeks", () => {
    const weeks = weeklyRetention([{ day: "2024-02-15", passed: 1, failed: 0 }], today, 3);
    expect(weeks.map((w) => w.weekStart)).toEqual(["2024-02-15", "2024-02-22", "2024-02-29"]);
    expect(weeks[0].retention).toBe(1);
    expect(() => weeklyRetention([], today, 0)).toThrow(RangeError);
  });
});
