import { describe, expect, it } from "vitest";
import { parseSteps, toFsrsParameters, DEFAULT_SETTINGS } from "./settings";
import { formatInterval } from "./format-interval";

describe("parseSteps", () => {
  it("accepts minutes, hours and days", () => {
    expect(parseSteps(" 1m 10m  1h 2d ")).toEqual(["1m", "10m", "1h", "2d"]);
  });
  it("rejects malformed or zero steps", () => {
    expect(() => parseSteps("10 minutes")).toThrow(/Invalid step/);
    expect(() => parseSteps("0m")).toThrow(/Invalid step/);
  });
});

describe("toFsrsParameters", () => {
  it("uses stored weights when present", () => {
    const w = toFsrsParameters(DEFAULT_SETTINGS).w.map((x) => x * 1.01);
    expect(toFsrsParameters({ ...DEFAULT_SETTINGS, fsrsParams: JSON.stringify(w) }).w[0]).toBeCloseTo(w[0]);
  });
});

describe("formatInterval", () => {
  it.each([
    [30_000, "<1m"],
    [600_000, "10m"],
    [3 * 3_600_000, "3h"],
    [4 * 86_400_000, "4d"],
    [75 * 86_400_000, "2.5mo"],
    [800 * 86_400_000, "2.2y"],
  ])("%i ms → %s", (ms, text) => expect(formatInterval(ms)).toBe(text));
});
