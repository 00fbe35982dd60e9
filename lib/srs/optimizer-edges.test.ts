// The optimizer's rules that need no long fit: the message under the
// threshold, which logs become training items, and what an empty, cancelled
// or tiny history gives. (The fits themselves: optimizer.test.ts.)
import { describe, expect, it } from "vitest";
import { generatorParameters } from "ts-fsrs";
import { localDay } from "@/lib/progress/local-day";
import {
  evaluate,
  itemReviews,
  MIN_REVIEWS,
  NotEnoughHistory,
  notEnoughReviewsMessage,
  OptimizerCancelled,
  optimizeParameters,
  paramsInUse,
  toBindingItems,
  toOptimizerItems,
  type OptimizerItem,
  type OptimizerLog,
} from "./optimizer";
import { DEFAULT_SETTINGS } from "./settings";

const START = new Date("2025-01-06T08:00:00Z").getTime();
const D = 86_400_000;
const log = (cardId: string, at: number, rating: number, state: number): OptimizerLog => ({ cardId, rating, state, review: new Date(at), day: localDay(new Date(at), "UTC", 4) });
const shapes = (items: OptimizerItem[]) => items.map((i) => itemReviews(i).map((r) => `${r.rating}/${r.deltaT}`).join(" "));
const defaults = paramsInUse(DEFAULT_SETTINGS);

describe("notEnoughReviewsMessage", () => {
  it("says how many reviews the learner has and how many the optimizer needs, with thousands separators", () => {
    expect(MIN_REVIEWS).toBe(400);
    expect(notEnoughReviewsMessage(37)).toBe("You have 37 reviews; the optimizer needs at least 400.");
    expect(notEnoughReviewsMessage(1)).toBe("You have 1 review; the optimizer needs at least 400.");
    expect(notEnoughReviewsMessage(0)).toBe("You have 0 reviews; the optimizer needs at least 400.");
    expect(notEnoughReviewsMessage(1234, 5000)).toBe("You have 1,234 reviews; the optimizer needs at least 5,000.");
  });
});

describe("toOptimizerItems: which logs train the optimizer", () => {
  it("skips ratings that are not a grade 1-4 (manual reschedules 0, fractions, out of range)", () => {
    const items = toOptimizerItems([
      log("a", START, 3, 0),
      { ...log("a", START + D, 2.5, 2) },
      log("a", START + 2 * D, 0, 2),
      log("a", START + 3 * D, 5, 2),
      log("a", START + 4 * D, 4, 2),
      log("a", START + 6 * D, 1, 2),
    ]);
    expect(shapes(items)).toEqual(["3/0 4/4", "3/0 4/4 1/2"]);
  });

  it("keeps the input order of a card's reviews logged at the same instant", () => {
    const items = toOptimizerItems([log("a", START, 1, 0), log("a", START, 3, 1), log("a", START + 2 * D, 4, 2)]);
    expect(shapes(items)).toEqual(["1/0 3/0 4/2"]);
  });

  it("counts no negative days when a review's local day comes before the previous one's (a move west)", () => {
    const items = toOptimizerItems([
      log("a", START, 3, 0),
      { ...log("a", START + 2 * D, 3, 2), day: "2025-01-09" },
      { ...log("a", START + 2 * D + 3_600_000, 1, 2), day: "2025-01-08" },
      log("a", START + 5 * D, 3, 3),
    ]);
    expect(shapes(items)).toEqual(["3/0 3/3", "3/0 3/3 1/0 3/3"]);
  });

  it("forgets the reviews before a reset: the history starts at the last block of new and learning reviews", () => {
    const items = toOptimizerItems([
      log("a", START, 3, 0),
      log("a", START + 3 * D, 3, 2),
      // Reset: graded as new, then a learning step the next day.
      log("a", START + 10 * D, 1, 0),
      log("a", START + 11 * D, 3, 1),
      log("a", START + 14 * D, 3, 2),
    ]);
    expect(shapes(items)).toEqual(["1/0 3/1", "1/0 3/1 3/3"]);
  });

  it("each binding item carries the reviews up to the one it predicts", () => {
    const items = toOptimizerItems([log("a", START, 3, 0), log("a", START + 2 * D, 3, 2), log("a", START + 7 * D, 2, 2)]);
    const binding = toBindingItems(items);
    expect(binding.map((b) => b.reviews.map((r) => `${r.rating}/${r.deltaT}`).join(" "))).toEqual(["3/0 3/2", "3/0 3/2 2/5"]);
  });
});

describe("evaluate and paramsInUse", () => {
  it("scores nothing on no items", () => {
    expect(evaluate(defaults, [])).toBeNull();
  });

  it("the weights in use are the learner's own, or ts-fsrs's defaults, as a copy", () => {
    expect(paramsInUse(DEFAULT_SETTINGS)).toEqual(generatorParameters({}).w);
    const w = defaults.map((x) => x * 1.1);
    paramsInUse({ ...DEFAULT_SETTINGS, fsrsParams: JSON.stringify(w) }).forEach((x, i) => expect(x).toBeCloseTo(w[i], 10));
  });
});

describe("optimizeParameters on histories too small to fit", () => {
  it("an empty history is NotEnoughHistory, with a message for the learner", async () => {
    const run = optimizeParameters([], { currentParams: defaults, numRelearningSteps: 1, crossValidate: false });
    await expect(run).rejects.toBeInstanceOf(NotEnoughHistory);
    await expect(run).rejects.toThrow("Not enough of your reviews came a day or more after the one before");
  });

  it("a run cancelled before it starts is OptimizerCancelled, and reports no progress", async () => {
    const items = toOptimizerItems([log("a", START, 3, 0), log("a", START + 2 * D, 3, 2)]);
    const progress: number[] = [];
    await expect(
      optimizeParameters(items, { currentParams: defaults, numRelearningSteps: 1, isCancelled: () => true, onProgress: (f) => progress.push(f) }),
    ).rejects.toBeInstanceOf(OptimizerCancelled);
    expect(progress).toEqual([0]);
  });
});
