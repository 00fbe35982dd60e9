import { describe, expect, it } from "vitest";
import { FSRS5_DEFAULT_DECAY, State, createEmptyCard, fsrs } from "ts-fsrs";
import { masteryByKind, retrievability } from "./mastery";

const DAY = 86_400_000;
const now = new Date("2024-06-01T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);
const review = (stability: number, elapsedDays: number) => ({ stability, lastReview: daysAgo(elapsedDays), state: 2 });

describe("retrievability", () => {
  it("is 1 right after a review and 0.9 after `stability` days, whatever the decay", () => {
    expect(retrievability(review(10, 0), now)).toBe(1);
    expect(retrievability(review(10, 10), now)).toBeCloseTo(0.9, 6);
    expect(retrievability(review(10, 10), now, FSRS5_DEFAULT_DECAY)).toBeCloseTo(0.9, 6);
  });

  it("follows the FSRS-5 curve: after 2S days R = (1 + 2·19/81)^-0.5 = 9/√119", () => {
    expect(retrievability(review(10, 20), now, FSRS5_DEFAULT_DECAY)).toBeCloseTo(9 / Math.sqrt(119), 6);
  });

  it("counts fractional days: half a day with stability 0.5 is already 0.9", () => {
    expect(retrievability(review(0.5, 0.5), now)).toBeCloseTo(0.9, 6);
  });

  it("matches FSRS#get_retrievability at whole days with default parameters", () => {
    const card = { ...createEmptyCard(daysAgo(40)), state: State.Review, stability: 7.3, difficulty: 5, last_review: daysAgo(40) };
    const expected = fsrs().get_retrievability(card, now, false);
    expect(retrievability({ stability: 7.3, lastReview: daysAgo(40), state: 2 }, now)).toBeCloseTo(expected, 8);
    expect(expected).toBeLessThan(0.9);
  });

  it("is 0 for a card never reviewed", () => {
    expect(retrievability({ stability: 0, lastReview: null, state: 0 }, now)).toBe(0);
    expect(retrievability({ stability: 3, lastReview: daysAgo(1), state: 0 }, now)).toBe(0);
    expect(retrievability({ stability: 3, lastReview: null, state: 2 }, now)).toBe(0);
  });

  it("treats a review stamped after now as just done", () => {
    expect(retrievability({ stability: 3, lastReview: new Date(now.getTime() + DAY), state: 2 }, now)).toBe(1);
  });
});

describe("masteryByKind", () => {
  it("averages per kind with unstudied cards at 0, null for kinds without cards", () => {
    const result = masteryByKind(
      [
        { kind: "date", ...review(10, 10) }, // 0.9
        { kind: "date", stability: 0, lastReview: null, state: 0 }, // new: 0
        { kind: "actor", ...review(5, 0) }, // 1
        { kind: "number", ...review(10, 10) },
        { kind: "number", ...review(10, 0) },
        { kind: "quote", ...review(10, 0) }, // not a fact kind: ignored
      ],
      now,
    );
    expect(result.date.cards).toBe(2);
    expect(result.date.studied).toBe(1);
    expect(result.date.averageRetrievability).toBeCloseTo(0.45, 6);
    expect(result.actor).toEqual({ cards: 1, studied: 1, averageRetrievability: 1 });
    expect(result.number.averageRetrievability).toBeCloseTo(0.95, 6);
    expect(result.agreement).toEqual({ cards: 0, studied: 0, averageRetrievability: null });
    expect(result.definition).toEqual({ cards: 0, studied: 0, averageRetrievability: null });
    expect(Object.keys(result).sort()).toEqual(["actor", "agreement", "date", "definition", "number"]);
  });
});
