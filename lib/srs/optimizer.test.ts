import { describe, expect, it } from "vitest";
import { convertCsvToFsrsItems } from "@open-spaced-repetition/binding";
import { localDay } from "@/lib/progress/local-day";
import {
  isImprovement,
  OptimizerCancelled,
  optimizeParameters,
  paramsInUse,
  itemReviews,
  toBindingItems,
  toOptimizerItems,
  type OptimizerItem,
  type OptimizerLog,
} from "./optimizer";
import { DEFAULT_SETTINGS } from "./settings";
import { simulateLearner, SYNTHETIC_LEARNER_PARAMS } from "@/tests/support/simulated-learner";

const START = new Date("2025-01-06T08:00:00Z");
const H = 3_600_000;
const D = 24 * H;

function log(cardId: string, at: number, rating: number, state: number, timeZone = "UTC", dayStartHour = 4): OptimizerLog {
  const review = new Date(at);
  return { cardId, rating, state, review, day: localDay(review, timeZone, dayStartHour) };
}

const shape = (items: { rating: number; deltaT: number }[][]) => items.map((reviews) => reviews.map((r) => `${r.rating}/${r.deltaT}`).join(" "));
const ourShape = (items: OptimizerItem[]) => shape(items.map(itemReviews));

/** The zone's offset from UTC in minutes at `ms`, as the binding's CSV converter asks for it. */
function offsetMinutes(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" }).formatToParts(ms);
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return (Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")) - Math.floor(ms / 1000) * 1000) / 60_000;
}

describe("toOptimizerItems", () => {
  it("gives exactly the items of the binding's own CSV converter for the same logs", () => {
    const tz = "Asia/Tokyo";
    const logs: OptimizerLog[] = simulateLearner({ reviews: 600, seed: "csv", start: START, timeZone: tz, dayStartHour: 4 }).map((r) => ({
      cardId: `c${r.card}`,
      rating: r.rating,
      state: r.state,
      review: r.review,
      day: r.day,
    }));
    // A card reset to new half-way, and one whose history starts in review.
    const t = START.getTime();
    logs.push(log("reset", t, 3, 0, tz), log("reset", t + 3 * D, 3, 2, tz), log("reset", t + 9 * D, 1, 0, tz), log("reset", t + 10 * D, 3, 1, tz), log("reset", t + 13 * D, 3, 2, tz));
    logs.push(log("orphan", t, 3, 2, tz), log("orphan", t + 5 * D, 3, 2, tz));

    const csv = "card_id,review_time,review_rating,review_state,review_duration\n" + logs.map((l) => `${l.cardId},${l.review.getTime()},${l.rating},${l.state},0`).join("\n");
    const theirs = convertCsvToFsrsItems(new TextEncoder().encode(csv), 4, tz, (ms, zone) => offsetMinutes(ms, zone)).map((i) =>
      i.reviews.map((r) => ({ rating: r.rating, deltaT: r.deltaT })),
    );
    const ours = toOptimizerItems(logs);
    expect(ours.length).toBeGreaterThan(300);
    expect(ourShape(ours).sort()).toEqual(shape(theirs).sort());
    // And the binding objects carry exactly the same reviews.
    expect(shape(toBindingItems(ours).map((i) => i.reviews.map((r) => ({ rating: r.rating, deltaT: r.deltaT }))))).toEqual(ourShape(ours));
  });

  it("counts days in the learner's own day, not UTC dates", () => {
    // 23:30 and 01:30 local are one learner day when the day starts at 04:00.
    const logs = [
      { cardId: "a", rating: 3, state: 0, review: new Date("2026-03-01T22:30:00Z"), day: "2026-03-01" },
      { cardId: "a", rating: 3, state: 1, review: new Date("2026-03-02T00:30:00Z"), day: "2026-03-01" },
      { cardId: "a", rating: 3, state: 2, review: new Date("2026-03-05T00:30:00Z"), day: "2026-03-04" },
    ];
    expect(ourShape(toOptimizerItems(logs))).toEqual(["3/0 3/0 3/3"]);
  });

  it("predicts only reviews on a later day, with the same-day steps before them as context", () => {
    const t = START.getTime();
    const items = toOptimizerItems([log("a", t, 1, 0), log("a", t + 60_000, 3, 1), log("a", t + 10 * 60_000, 3, 1), log("a", t + D, 3, 2), log("a", t + D + H, 1, 2), log("a", t + 4 * D, 3, 3)]);
    expect(ourShape(items)).toEqual(["1/0 3/0 3/0 3/1", "1/0 3/0 3/0 3/1 1/0 3/3"]);
    expect(items.every((i) => i.history[0].deltaT === 0)).toBe(true);
  });

  it("forgets a card's history before it was reset to new, and ignores cards with no start or no rating", () => {
    const t = START.getTime();
    const items = toOptimizerItems([
      log("a", t, 4, 0),
      log("a", t + 8 * D, 3, 2),
      log("a", t + 30 * D, 2, 0), // reset, graded Hard as new
      log("a", t + 32 * D, 3, 2),
      log("b", t, 3, 2),
      log("b", t + 3 * D, 3, 2),
      { ...log("c", t, 3, 0), rating: 0 },
      log("c", t + 2 * D, 5, 2),
    ]);
    expect(ourShape(items)).toEqual(["2/0 3/2"]);
  });

  it("orders items by the time of the review they predict, whatever the input order", () => {
    const t = START.getTime();
    const items = toOptimizerItems([log("late", t + 5 * D, 3, 2), log("late", t + D, 3, 0), log("early", t + 2 * D, 3, 2), log("early", t, 3, 0)]);
    expect(items.map((i) => i.at)).toEqual([t + 2 * D, t + 5 * D]);
  });
});

describe("simulateLearner", () => {
  it("is deterministic for a seed and writes exactly the reviews asked for", () => {
    const a = simulateLearner({ reviews: 500, seed: "s", start: START });
    expect(a).toHaveLength(500);
    expect(simulateLearner({ reviews: 500, seed: "s", start: START })).toEqual(a);
    expect(simulateLearner({ reviews: 500, seed: "t", start: START })).not.toEqual(a);
    // Each card starts new, and reviews of a card are in time order.
    const first = new Map<number, number>();
    for (const r of a) if (!first.has(r.card)) first.set(r.card, r.state);
    expect([...first.values()].every((s) => s === 0)).toBe(true);
  });
});

describe("optimizeParameters", () => {
  const defaults = paramsInUse(DEFAULT_SETTINGS);
  const itemsOf = (reviews: number, seed: string) =>
    toOptimizerItems(simulateLearner({ reviews, seed, start: START }).map((r) => ({ cardId: String(r.card), rating: r.rating, state: r.state, review: r.review, day: r.day })));

  it("fits parameters that predict a synthetic learner better than the defaults, also on reviews it did not see", async () => {
    const phases = new Set<string>();
    let last = 0;
    const r = await optimizeParameters(itemsOf(4000, "fit"), {
      currentParams: defaults,
      numRelearningSteps: 1,
      onProgress: (f, phase) => {
        phases.add(phase);
        expect(f).toBeGreaterThanOrEqual(last - 1e-9);
        last = f;
      },
    });
    expect(r.params).toHaveLength(21);
    expect(r.unchanged).toBe(false);
    expect(r.proposed.logLoss).toBeLessThan(r.current.logLoss);
    expect(r.heldOut!.proposed.logLoss).toBeLessThan(r.heldOut!.current.logLoss);
    expect(r.better).toBe(true);
    expect(r.crossValidated!.logLoss).toBeGreaterThan(0);
    expect(last).toBe(1);
    expect([...phases]).toEqual(["fitting", "checking", "cross-validating"]);
    // Closer to the learner's true forgetting than the defaults: initial stability for Good.
    expect(Math.abs(r.params[2] - SYNTHETIC_LEARNER_PARAMS[2])).toBeLessThan(Math.abs(defaults[2] - SYNTHETIC_LEARNER_PARAMS[2]));
  });

  it("finds nothing better on a second run over the same history", async () => {
    const items = itemsOf(1500, "again");
    const fitted = await optimizeParameters(items, { currentParams: defaults, numRelearningSteps: 1, crossValidate: false });
    const again = await optimizeParameters(items, { currentParams: fitted.params, numRelearningSteps: 1, crossValidate: false });
    expect(again.unchanged).toBe(true);
    expect(again.better).toBe(false);
  });

  it("judges on all reviews and on the held-out recent ones: winning only where it was fitted is not better", () => {
    const m = (logLoss: number) => ({ logLoss, rmse: 0.05 });
    const base = { current: m(0.4), proposed: m(0.39), unchanged: false };
    expect(isImprovement({ ...base, heldOut: { items: 100, current: m(0.41), proposed: m(0.4) } })).toBe(true);
    expect(isImprovement({ ...base, heldOut: { items: 100, current: m(0.41), proposed: m(0.42) } })).toBe(false);
    expect(isImprovement({ ...base, proposed: m(0.4), heldOut: null })).toBe(false);
    expect(isImprovement({ ...base, heldOut: null })).toBe(true);
    expect(isImprovement({ ...base, unchanged: true, heldOut: null })).toBe(false);
  });

  it("stops at the first poll after a cancel, without a result", async () => {
    let polls = 0;
    let pollsAfterCancel = 0;
    await expect(
      optimizeParameters(itemsOf(4000, "cancel"), {
        currentParams: defaults,
        numRelearningSteps: 1,
        isCancelled: () => {
          if (++polls > 1) pollsAfterCancel++;
          return polls > 1;
        },
      }),
    ).rejects.toBeInstanceOf(OptimizerCancelled);
    // Training stops when the binding's progress callback first sees the
    // cancel; only the checks between phases poll again. A run that trained on
    // would poll every BINDING_POLL_MS for its whole length. (How long a cancel
    // takes is a figure of npm run bench:optimizer, not a test.)
    expect(pollsAfterCancel).toBeGreaterThanOrEqual(1);
    expect(pollsAfterCancel).toBeLessThanOrEqual(3);
  });
});
