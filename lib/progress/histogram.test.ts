import { describe, expect, it } from "vitest";
import { DIFFICULTY_EDGES, STABILITY_EDGES_DAYS, histogram } from "./histogram";

describe("histogram", () => {
  it("puts lower edges in, upper edges out, except the last bin's upper edge", () => {
    const result = histogram([0.5, 1, 1.5, 2, 3, 3.5, Number.NaN], [1, 2, 3]);
    expect(result).toEqual({
      bins: [
        { from: 1, to: 2, count: 2 },
        { from: 2, to: 3, count: 2 },
      ],
      below: 1,
      above: 1,
    });
  });

  it("finds the right bin among many (difficulty 1–10)", () => {
    const { bins, below, above } = histogram([1, 5.5, 5, 9.99, 10], DIFFICULTY_EDGES);
    expect(bins.map((b) => b.count)).toEqual([1, 0, 0, 0, 2, 0, 0, 0, 2]);
    expect(below + above).toBe(0);
  });

  it("takes an open-ended last bin (stability in days)", () => {
    const { bins, above } = histogram([0.2, 400, 1e9], STABILITY_EDGES_DAYS);
    expect(bins[0].count).toBe(1);
    expect(bins[bins.length - 1]).toEqual({ from: 365, to: Infinity, count: 2 });
    expect(above).toBe(0);
  });

  it("rejects edges that are too few or not increasing", () => {
    expect(() => histogram([], [1])).toThrow(RangeError);
    expect(() => histogram([], [1, 1])).toThrow(RangeError);
    expect(() => histogram([], [2, 1])).toThrow(RangeError);
    expect(() => histogram([], [Number.NaN, 1])).toThrow(RangeError);
  });
});
