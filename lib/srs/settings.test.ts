import { describe, expect, it } from "vitest";
import { generatorParameters } from "ts-fsrs";
import { decayOf, parseSteps, toFsrsParameters, DEFAULT_SETTINGS, type SchedulerSettings } from "./settings";

describe("parseSteps", () => {
  it("accepts minutes, hours and days, separated by any white space", () => {
    expect(parseSteps(" 1m 10m  1h 2d ")).toEqual(["1m", "10m", "1h", "2d"]);
    expect(parseSteps("1.5m\t10m\n1h")).toEqual(["1.5m", "10m", "1h"]);
  });

  it("reads an empty or blank field as no steps (a card then graduates on its first Good)", () => {
    expect(parseSteps("")).toEqual([]);
    expect(parseSteps("   ")).toEqual([]);
  });

  it("rejects malformed or zero steps, naming the first bad one", () => {
    expect(() => parseSteps("10 minutes")).toThrow('Invalid step "10":');
    expect(() => parseSteps("1m 0m")).toThrow('Invalid step "0m": use numbers with m, h or d, like "1m 10m".');
    expect(() => parseSteps("1m 10s")).toThrow('Invalid step "10s"');
  });
});

describe("toFsrsParameters", () => {
  // Every value differs from ts-fsrs's own default, so each must come from the settings.
  const mine: SchedulerSettings = {
    ...DEFAULT_SETTINGS,
    desiredRetention: 0.85,
    maxInterval: 400,
    learningSteps: "2m 15m 1h",
    relearningSteps: "5m 20m",
    enableFuzz: true,
  };

  it("carries the learner's retention, maximum interval, fuzz and steps, with short-term steps on", () => {
    const p = toFsrsParameters(mine);
    expect(p.request_retention).toBe(0.85);
    expect(p.maximum_interval).toBe(400);
    expect(p.enable_fuzz).toBe(true);
    expect(p.enable_short_term).toBe(true);
    expect(p.learning_steps).toEqual(["2m", "15m", "1h"]);
    expect(p.relearning_steps).toEqual(["5m", "20m"]);
    expect(toFsrsParameters({ ...mine, enableFuzz: false }).enable_fuzz).toBe(false);
  });

  it("keeps short-term steps on even when the learner has no learning steps", () => {
    const p = toFsrsParameters({ ...mine, learningSteps: "", relearningSteps: "" });
    expect(p.learning_steps).toEqual([]);
    expect(p.relearning_steps).toEqual([]);
    expect(p.enable_short_term).toBe(true);
  });

  it("uses the learner's stored weights when present, and ts-fsrs's FSRS-6 defaults when not", () => {
    const defaults = generatorParameters({}).w;
    expect(toFsrsParameters(DEFAULT_SETTINGS).w).toEqual(defaults);
    const w = defaults.map((x) => x * 1.01);
    const own = toFsrsParameters({ ...DEFAULT_SETTINGS, fsrsParams: JSON.stringify(w) }).w;
    expect(own).toHaveLength(21);
    own.forEach((x, i) => expect(x).toBeCloseTo(w[i], 10));
  });

  it("throws on a malformed step rather than scheduling with a guess", () => {
    expect(() => toFsrsParameters({ ...mine, learningSteps: "1m ten" })).toThrow(/Invalid step "ten"/);
    expect(() => toFsrsParameters({ ...mine, relearningSteps: "5x" })).toThrow(/Invalid step "5x"/);
  });
});

describe("decayOf", () => {
  it("is FSRS-6's w[20]: the default decay, or the learner's own after optimizing", () => {
    expect(decayOf(DEFAULT_SETTINGS)).toBe(generatorParameters({}).w[20]);
    const w = [...generatorParameters({}).w];
    w[20] = 0.3;
    expect(decayOf({ ...DEFAULT_SETTINGS, fsrsParams: JSON.stringify(w) })).toBeCloseTo(0.3, 10);
  });
});
