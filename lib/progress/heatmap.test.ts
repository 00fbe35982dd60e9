import { describe, expect, it } from "vitest";
import { heatmap } from "./heatmap";

const days = (week: ({ day: string } | null)[]) => week.map((cell) => cell?.day ?? null);

describe("heatmap", () => {
  // 2024-01-01 was a Monday, so 2024-01-10 is a Wednesday.
  const rows = [
    { day: "2024-01-01", count: 8 },
    { day: "2024-01-02", count: 1 },
    { day: "2024-01-03", count: 2 },
    { day: "2024-01-04", count: 3 },
    { day: "2024-01-05", count: 6 },
    { day: "2024-01-10", count: 7 },
    { day: "2023-12-31", count: 50 }, // before the window
  ];

  it("lays days out in Sunday-first weeks, padding before the window and after today", () => {
    const { weeks } = heatmap(rows, "2024-01-10", 10);
    expect(weeks).toHaveLength(2);
    expect(days(weeks[0])).toEqual([null, "2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06"]);
    expect(days(weeks[1])).toEqual(["2024-01-07", "2024-01-08", "2024-01-09", "2024-01-10", null, null, null]);
  });

  it("can start weeks on Monday", () => {
    const { weeks } = heatmap(rows, "2024-01-10", 10, 1);
    expect(days(weeks[0])).toEqual(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06", "2024-01-07"]);
    expect(days(weeks[1])).toEqual(["2024-01-08", "2024-01-09", "2024-01-10", null, null, null, null]);
  });

  it("scales levels to the busiest day in the window, any review at least level 1", () => {
    const { weeks, max } = heatmap(rows, "2024-01-10", 10);
    expect(max).toBe(8); // the 50 before the window does not count
    const level = Object.fromEntries(weeks.flat().flatMap((c) => (c ? [[c.day, [c.count, c.level]]] : [])));
    expect(level["2024-01-01"]).toEqual([8, 4]);
    expect(level["2024-01-02"]).toEqual([1, 1]); // 4·1/8 = 0.5 -> 1
    expect(level["2024-01-03"]).toEqual([2, 1]); // 4·2/8 = 1
    expect(level["2024-01-04"]).toEqual([3, 2]); // 1.5 -> 2
    expect(level["2024-01-05"]).toEqual([6, 3]);
    expect(level["2024-01-06"]).toEqual([0, 0]);
    expect(level["2024-01-10"]).toEqual([7, 4]); // 3.5 -> 4
  });

  it("covers 365 days by default, summing repeated days", () => {
    // 365 days ending Tuesday 2024-12-31 start Tuesday 2024-01-02 (2024 is a leap year).
    const { weeks, max } = heatmap(
      [
        { day: "2024-01-02", count: 2 },
        { day: "2024-01-02", count: 3 },
      ],
      "2024-12-31",
    );
    const cells = weeks.flat();
    expect(weeks).toHaveLength(53);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(cells.filter((c) => c !== null)).toHaveLength(365);
    expect(days(weeks[0]).slice(0, 3)).toEqual([null, null, "2024-01-02"]);
    expect(days(weeks[52])).toEqual(["2024-12-29", "2024-12-30", "2024-12-31", null, null, null, null]);
    expect(max).toBe(5);
  });

  it("is all level 0 with no reviews", () => {
    const { weeks, max } = heatmap([], "2024-01-10", 10);
    expect(max).toBe(0);
    expect(weeks.flat().every((c) => c === null || c.level === 0)).toBe(true);
  });
});
