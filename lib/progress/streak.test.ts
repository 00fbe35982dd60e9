import { describe, expect, it } from "vitest";
import { streaks } from "./streak";

describe("streaks", () => {
  it("is zero with no reviews", () => {
    expect(streaks([], "2024-05-10")).toEqual({ current: 0, longest: 0 });
  });

  it("counts a run ending today", () => {
    expect(streaks(["2024-05-08", "2024-05-09", "2024-05-10"], "2024-05-10")).toEqual({ current: 3, longest: 3 });
  });

  it("keeps a run ending yesterday alive while today has no review yet", () => {
    expect(streaks(["2024-05-08", "2024-05-09"], "2024-05-10")).toEqual({ current: 2, longest: 2 });
  });

  it("breaks once a whole day passed without reviews", () => {
    expect(streaks(["2024-05-07", "2024-05-08"], "2024-05-10")).toEqual({ current: 0, longest: 2 });
  });

  it("restarts after a gap and remembers the longest run", () => {
    const days = ["2024-04-01", "2024-04-02", "2024-04-03", "2024-04-04", "2024-05-09", "2024-05-10"];
    expect(streaks(days, "2024-05-10")).toEqual({ current: 2, longest: 4 });
  });

  it("runs across a year end", () => {
    expect(streaks(["2023-12-30", "2023-12-31", "2024-01-01"], "2024-01-01")).toEqual({ current: 3, longest: 3 });
  });

  it("runs across month ends of 30 days and February, leap or not", () => {
    expect(streaks(["2024-04-30", "2024-05-01"], "2024-05-01").current).toBe(2);
    expect(streaks(["2024-02-28", "2024-02-29", "2024-03-01"], "2024-03-01").current).toBe(3);
    // 2023 has no 29 February: the 28th and 1 March are neighbours.
    expect(streaks(["2023-02-28", "2023-03-01"], "2023-03-01").current).toBe(2);
    // …while in 2024 a missing 29th is a gap.
    expect(streaks(["2024-02-28", "2024-03-01"], "2024-03-01")).toEqual({ current: 1, longest: 1 });
  });

  it("accepts days in any order, with repeats", () => {
    expect(streaks(["2024-05-10", "2024-05-08", "2024-05-09", "2024-05-10"], "2024-05-10")).toEqual({
      current: 3,
      longest: 3,
    });
  });

  it("counts days logged ahead of today (after moving west) in the run that holds today", () => {
    expect(streaks(["2024-05-09", "2024-05-10", "2024-05-11"], "2024-05-10")).toEqual({ current: 3, longest: 3 });
  });

  it("rejects malformed days", () => {
    expect(() => streaks(["2024-5-1"], "2024-05-10")).toThrow(RangeError);
    expect(() => streaks([], "yesterday")).toThrow(RangeError);
  });
});
