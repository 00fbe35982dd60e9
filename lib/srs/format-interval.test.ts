import { describe, expect, it } from "vitest";
import { formatInterval, formatPreviewInterval } from "./format-interval";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("formatInterval: the label on a grade button", () => {
  it.each([
    [30_000, "<1m"],
    [600_000, "10m"],
    [3 * HOUR, "3h"],
    [4 * DAY, "4d"],
    [75 * DAY, "2.5mo"],
    [800 * DAY, "2.2y"],
  ])("%i ms → %s", (ms, text) => expect(formatInterval(ms)).toBe(text));

  it.each([
    [MINUTE - 1, "<1m"],
    [MINUTE, "1m"],
    [HOUR - 1, "60m"],
    [HOUR, "1h"],
    [DAY - 1, "24h"],
    [DAY, "1d"],
    [29 * DAY, "29d"],
    [30 * DAY, "1mo"],
    [364 * DAY, "12mo"],
    [365 * DAY, "1y"],
  ])("changes unit exactly at each unit's first whole value: %i ms → %s", (ms, text) => expect(formatInterval(ms)).toBe(text));

  it("rounds to the nearest whole minute, hour or day", () => {
    expect(formatInterval(10.5 * MINUTE)).toBe("11m");
    expect(formatInterval(10.4 * MINUTE)).toBe("10m");
    expect(formatInterval(2.5 * HOUR)).toBe("3h");
    expect(formatInterval(3.4 * DAY)).toBe("3d");
  });

  it("shows months and years with one decimal below 10, without a trailing .0, and whole from 10", () => {
    expect(formatInterval(60 * DAY)).toBe("2mo");
    expect(formatInterval(299 * DAY)).toBe("10mo");
    expect(formatInterval(2 * 365 * DAY)).toBe("2y");
    expect(formatInterval(Math.round(9.96 * 365) * DAY)).toBe("10y");
    expect(formatInterval(15.4 * 365 * DAY)).toBe("15y");
  });
});

describe("formatPreviewInterval", () => {
  it("labels a review outcome by its whole local days, whatever the hours left until that day starts", () => {
    expect(formatPreviewInterval({ days: 3, intervalMs: 2 * DAY + 1 * HOUR })).toBe("3d");
    expect(formatPreviewInterval({ days: 45, intervalMs: 44 * DAY })).toBe("1.5mo");
  });

  it("labels a learning step by its minutes or hours", () => {
    expect(formatPreviewInterval({ days: null, intervalMs: 10 * MINUTE })).toBe("10m");
    expect(formatPreviewInterval({ days: null, intervalMs: 5 * HOUR })).toBe("5h");
  });
});
