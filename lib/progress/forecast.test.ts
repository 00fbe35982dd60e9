import { describe, expect, it } from "vitest";
import { forecast } from "./forecast";

describe("forecast", () => {
  it("returns exactly `days` consecutive days from today with zeros filled in, across a year end", () => {
    expect(forecast([{ day: "2025-01-01", count: 3 }], "2024-12-30", 5)).toEqual([
      { day: "2024-12-30", count: 0 },
      { day: "2024-12-31", count: 0 },
      { day: "2025-01-01", count: 3 },
      { day: "2025-01-02", count: 0 },
      { day: "2025-01-03", count: 0 },
    ]);
  });

  it("puts overdue cards on today", () => {
    const result = forecast(
      [
        { day: "2024-12-01", count: 4 },
        { day: "2024-12-29", count: 1 },
        { day: "2024-12-30", count: 2 },
      ],
      "2024-12-30",
      5,
    );
    expect(result[0]).toEqual({ day: "2024-12-30", count: 7 });
    expect(result.slice(1).every((d) => d.count === 0)).toBe(true);
  });

  it("leaves out days past the window", () => {
    const result = forecast([{ day: "2025-01-04", count: 9 }], "2024-12-30", 5);
    expect(result.reduce((sum, d) => sum + d.count, 0)).toBe(0);
  });

  it("defaults to 30 days", () => {
    const result = forecast([{ day: "2025-03-01", count: 2 }], "2025-02-27");
    expect(result).toHaveLength(30);
    expect(result[29].day).toBe("2025-03-28");
    // 2025 has no 29 February: 1 March is two days after the 27th.
    expect(result[2]).toEqual({ day: "2025-03-01", count: 2 });
  });

  it("rejects a bad window or count", () => {
    expect(() => forecast([], "2025-02-27", 0)).toThrow(RangeError);
    expect(() => forecast([{ day: "2025-02-27", count: -1 }], "2025-02-27")).toThrow(RangeError);
  });
});
