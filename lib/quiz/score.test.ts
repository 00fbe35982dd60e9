import { describe, expect, it } from "vitest";
import { summarize } from "./score";

describe("summarize", () => {
  it("reports an empty quiz as zeros, not NaN", () => {
    expect(summarize([])).toEqual({ correct: 0, total: 0, percent: 0, byKind: {}, totalTimeMs: 0 });
  });

  it("counts correct answers, totals and time, overall and per kind", () => {
    const summary = summarize([
      { kind: "date", correct: true, timeMs: 1_000 },
      { kind: "date", correct: false, timeMs: 2_000 },
      { kind: "actor", correct: true, timeMs: 500 },
      { kind: "number", correct: false, timeMs: 1_500 },
    ]);
    expect(summary).toEqual({
      correct: 2,
      total: 4,
      percent: 50,
      byKind: { date: { correct: 1, total: 2 }, actor: { correct: 1, total: 1 }, number: { correct: 0, total: 1 } },
      totalTimeMs: 5_000,
    });
  });

  it("rounds the percentage to a whole number", () => {
    const answers = [true, true, false].map((correct) => ({ kind: "date", correct, timeMs: 0 }));
    expect(summarize(answers).percent).toBe(67);
  });

  it("lists only the kinds that were asked", () => {
    expect(Object.keys(summarize([{ kind: "actor", correct: true, timeMs: 1 }]).byKind)).toEqual(["actor"]);
  });

  it("counts a negative or non-finite time (skewed browser clock) as zero", () => {
    const summary = summarize([
      { kind: "date", correct: true, timeMs: 1_000 },
      { kind: "date", correct: true, timeMs: -50 },
      { kind: "date", correct: true, timeMs: Number.NaN },
      { kind: "date", correct: true, timeMs: Number.POSITIVE_INFINITY },
    ]);
    expect(summary.totalTimeMs).toBe(1_000);
  });
});
