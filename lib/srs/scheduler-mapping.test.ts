// What lib/srs hands to the rest of the app around ts-fsrs: the grade names and
// keys, the memory state and the review log Recall stores, and the one
// definition of "due". The interval arithmetic itself is ts-fsrs's.
import { describe, expect, it } from "vitest";
import { createEmptyCard, Rating, State, type Card } from "ts-fsrs";
import {
  applyGrade,
  dueAfterDays,
  elapsedLocalDays,
  fromCard,
  GRADES,
  isDue,
  isLeechLapse,
  newMemoryState,
  previewGrades,
  ratingOf,
  toCard,
  type MemoryState,
} from "./scheduler";
import { DEFAULT_SETTINGS } from "./settings";

const NOW = new Date("2026-03-02T10:00:00.000Z");
const MINUTE = 60_000;
const DAY = 86_400_000;
const noFuzz = { ...DEFAULT_SETTINGS, enableFuzz: false };

/** A card in review: Good, Good 10 minutes later (graduates), then Good when due. */
function reviewCard(): { memory: MemoryState; at: Date } {
  let memory = applyGrade(newMemoryState(NOW), "good", noFuzz, NOW, "c").memory;
  memory = applyGrade(memory, "good", noFuzz, new Date(NOW.getTime() + 10 * MINUTE), "c").memory;
  let at = new Date(memory.due.getTime() + 2 * 3_600_000);
  memory = applyGrade(memory, "good", noFuzz, at, "c").memory;
  at = new Date(memory.due.getTime() + 5 * 3_600_000);
  expect(memory.state).toBe(State.Review);
  return { memory, at };
}

describe("the four grades", () => {
  it("are Again, Hard, Good, Easy on keys 1 to 4 with FSRS ratings 1 to 4, in that order", () => {
    expect(GRADES.map((g) => [g.name, g.label, g.key, g.rating])).toEqual([
      ["again", "Again", "1", Rating.Again],
      ["hard", "Hard", "2", Rating.Hard],
      ["good", "Good", "3", Rating.Good],
      ["easy", "Easy", "4", Rating.Easy],
    ]);
    expect(["again", "hard", "good", "easy"].map((n) => ratingOf(n as never))).toEqual([1, 2, 3, 4]);
  });

  it("each preview carries its grade's name, label and key, with the interval from now to its due date", () => {
    const { memory, at } = reviewCard();
    const previews = previewGrades(memory, noFuzz, at, "c");
    expect(previews.map((p) => [p.name, p.label, p.key])).toEqual(GRADES.map((g) => [g.name, g.label, g.key]));
    for (const p of previews) expect(p.intervalMs).toBe(p.due.getTime() - at.getTime());
  });

  it("a preview gives whole local days for a review outcome and null for a step", () => {
    const { memory, at } = reviewCard();
    const [again, hard, good, easy] = previewGrades(memory, noFuzz, at, "c");
    expect(again.days).toBeNull(); // relearning step, in minutes
    expect(again.intervalMs).toBe(10 * MINUTE);
    for (const p of [hard, good, easy]) {
      expect(p.days).toBe(applyGrade(memory, p.name, noFuzz, at, "c").memory.scheduledDays);
      expect(p.days).toBeGreaterThan(0);
    }
  });
});

describe("the memory state Recall stores", () => {
  it("is ts-fsrs's card field for field, and back", () => {
    const card: Card = {
      due: new Date("2026-04-01T04:00:00Z"),
      stability: 12.5,
      difficulty: 6.25,
      elapsed_days: 9,
      scheduled_days: 14,
      learning_steps: 1,
      reps: 7,
      lapses: 2,
      state: State.Review,
      last_review: new Date("2026-03-18T09:00:00Z"),
    };
    const memory = fromCard(card);
    expect(memory).toEqual({
      due: card.due,
      stability: 12.5,
      difficulty: 6.25,
      elapsedDays: 9,
      scheduledDays: 14,
      learningSteps: 1,
      reps: 7,
      lapses: 2,
      state: State.Review,
      lastReview: card.last_review,
    });
    expect(toCard(memory)).toEqual(card);
  });

  it("a card never graded has no last review: null in Recall, undefined for ts-fsrs", () => {
    const fresh = newMemoryState(NOW);
    expect(fresh.lastReview).toBeNull();
    expect(fresh).toMatchObject({ state: State.New, reps: 0, lapses: 0, due: NOW });
    expect(toCard(fresh).last_review).toBeUndefined();
    expect(fromCard(createEmptyCard(NOW)).lastReview).toBeNull();
  });
});

describe("the review log of a grade", () => {
  it("records the state before the review, the card's previous due date, and when the card was last reviewed", () => {
    const { memory, at } = reviewCard();
    const { log } = applyGrade(memory, "good", noFuzz, at, "c");
    expect(log.rating).toBe(Rating.Good);
    expect(log.state).toBe(State.Review);
    expect(log.previousDue).toEqual(memory.due);
    // ts-fsrs keeps the previous review time in `due`: the real one, not the shifted one given to ts-fsrs.
    expect(log.due).toEqual(memory.lastReview);
    expect(log.review).toEqual(at);
    expect(log.stability).toBe(memory.stability);
    expect(log.difficulty).toBe(memory.difficulty);
    expect(log.scheduledDays).toBe(memory.scheduledDays);
    expect(log.learningSteps).toBe(memory.learningSteps);
    expect(log.elapsedDays).toBe(elapsedLocalDays(memory, noFuzz, at));
    expect(log.elapsedDays).toBeGreaterThan(0);
    expect(log.lastElapsedDays).toBe(memory.elapsedDays);
  });

  it("for a new card, records its due date (it had no review before)", () => {
    const fresh = newMemoryState(new Date(NOW.getTime() - DAY));
    const { log } = applyGrade(fresh, "again", noFuzz, NOW, "c");
    expect(log.state).toBe(State.New);
    expect(log.due).toEqual(fresh.due);
    expect(log.previousDue).toEqual(fresh.due);
    expect(log.elapsedDays).toBe(0);
  });

  it("a review outcome is due at the start of its local day; a step is due its minutes after the answer", () => {
    const { memory, at } = reviewCard();
    const good = applyGrade(memory, "good", noFuzz, at, "c").memory;
    expect(good.due).toEqual(dueAfterDays(at, good.scheduledDays, noFuzz));
    const again = applyGrade(memory, "again", noFuzz, at, "c").memory;
    expect(again.state).toBe(State.Relearning);
    expect(again.due.getTime()).toBe(at.getTime() + 10 * MINUTE);
  });
});

describe("elapsedLocalDays", () => {
  it("counts whole local days from the last review, from the day-start hour", () => {
    const m: MemoryState = { ...newMemoryState(NOW), state: State.Review, lastReview: new Date("2026-03-02T22:00:00Z") };
    const s = { ...noFuzz, timeZone: "UTC", dayStartHour: 4 };
    expect(elapsedLocalDays(m, s, new Date("2026-03-03T03:59:00Z"))).toBe(0);
    expect(elapsedLocalDays(m, s, new Date("2026-03-03T04:00:00Z"))).toBe(1);
    expect(elapsedLocalDays(m, s, new Date("2026-03-12T12:00:00Z"))).toBe(10);
  });

  it("is 0 for a card in state New even when it carries a last review, and for a card with no last review", () => {
    const last = new Date("2026-02-20T10:00:00Z");
    expect(elapsedLocalDays({ ...newMemoryState(NOW), state: State.New, lastReview: last }, noFuzz, NOW)).toBe(0);
    expect(elapsedLocalDays({ ...newMemoryState(NOW), state: State.Review, lastReview: null }, noFuzz, NOW)).toBe(0);
    expect(elapsedLocalDays({ ...newMemoryState(NOW), state: State.Learning, lastReview: last }, noFuzz, NOW)).toBe(10);
  });
});

describe("dueAfterDays", () => {
  it("is the start of the learner's local day N days after today, in their zone and day-start hour", () => {
    const paris = { timeZone: "Europe/Paris", dayStartHour: 4 };
    // 10:00 UTC is 11:00 in Paris on 2 March: 3 days later starts 5 March 04:00 CET = 03:00 UTC.
    expect(dueAfterDays(NOW, 3, paris)).toEqual(new Date("2026-03-05T03:00:00Z"));
    // 02:00 UTC (03:00 Paris) is still 1 March's day: 1 day later is 2 March 04:00.
    expect(dueAfterDays(new Date("2026-03-02T02:00:00Z"), 1, paris)).toEqual(new Date("2026-03-02T03:00:00Z"));
    expect(dueAfterDays(NOW, 0, { timeZone: "UTC", dayStartHour: 0 })).toEqual(new Date("2026-03-02T00:00:00Z"));
  });
});

describe("isDue: the one definition of due", () => {
  const dayEnd = new Date("2026-03-03T04:00:00Z");
  it("a review card is due all day on its day: any due date before the day ends", () => {
    expect(isDue({ state: State.Review, due: new Date("2026-03-03T03:59:59Z") }, NOW, dayEnd)).toBe(true);
    expect(isDue({ state: State.Review, due: new Date("2026-02-20T00:00:00Z") }, NOW, dayEnd)).toBe(true);
    expect(isDue({ state: State.Review, due: dayEnd }, NOW, dayEnd)).toBe(false);
  });

  it("a learning or relearning step is due only once its minute has come", () => {
    for (const state of [State.Learning, State.Relearning]) {
      expect(isDue({ state, due: NOW }, NOW, dayEnd)).toBe(true);
      expect(isDue({ state, due: new Date(NOW.getTime() - MINUTE) }, NOW, dayEnd)).toBe(true);
      expect(isDue({ state, due: new Date(NOW.getTime() + 1) }, NOW, dayEnd)).toBe(false);
    }
  });

  it("a new card is never due, whatever its date", () => {
    expect(isDue({ state: State.New, due: new Date(NOW.getTime() - DAY) }, NOW, dayEnd)).toBe(false);
  });
});

describe("isLeechLapse at its edges", () => {
  it("never below the threshold; a threshold of 2 makes every lapse from the 2nd a leech", () => {
    expect(isLeechLapse(7)).toBe(false);
    expect(isLeechLapse(8)).toBe(true);
    expect([1, 2, 3, 4].filter((n) => isLeechLapse(n, 2))).toEqual([2, 3, 4]);
    // A threshold of 5: at 5, then every 3 (half of 5, rounded up).
    expect(Array.from({ length: 14 }, (_, i) => i + 1).filter((n) => isLeechLapse(n, 5))).toEqual([5, 8, 11, 14]);
    expect(isLeechLapse(0, 0)).toBe(false);
    expect(isLeechLapse(3, -1)).toBe(false);
  });
});
