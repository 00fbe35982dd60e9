import { describe, expect, it } from "vitest";
import { State } from "ts-fsrs";
import { applyGrade, becomesLeech, GRADES, isLeechLapse, LEECH_THRESHOLD, newMemoryState, previewGrades, type GradeName, type MemoryState } from "./scheduler";
import { DEFAULT_SETTINGS } from "./settings";

const NOW = new Date("2026-03-01T09:00:00.000Z");
const DAY = 86_400_000;
const noFuzz = { ...DEFAULT_SETTINGS, enableFuzz: false };
const CARD = "card-1";

/** Walks a new card through the given grades, one day apart, and returns its state. */
function stateAfter(grades: GradeName[]): { memory: MemoryState; at: Date } {
  let memory = newMemoryState(NOW);
  let at = NOW;
  for (const g of grades) {
    memory = applyGrade(memory, g, noFuzz, at, CARD).memory;
    at = new Date(Math.max(memory.due.getTime(), at.getTime()) + DAY);
  }
  return { memory, at };
}

const STARTS: Record<string, GradeName[]> = {
  new: [],
  learning: ["good"],
  review: ["good", "good", "good"],
  relearning: ["good", "good", "good", "again"],
};

describe("lib/srs scheduler", () => {
  it("reaches each state the start table claims", () => {
    expect(stateAfter(STARTS.new).memory.state).toBe(State.New);
    expect(stateAfter(STARTS.learning).memory.state).toBe(State.Learning);
    expect(stateAfter(STARTS.review).memory.state).toBe(State.Review);
    expect(stateAfter(STARTS.relearning).memory.state).toBe(State.Relearning);
  });

  for (const [name, path] of Object.entries(STARTS)) {
    for (const g of GRADES) {
      it(`grading ${g.label} from ${name} applies exactly the interval its button previewed`, () => {
        const { memory, at } = stateAfter(path);
        const preview = previewGrades(memory, DEFAULT_SETTINGS, at, CARD).find((p) => p.name === g.name)!;
        const { memory: next, log } = applyGrade(memory, g.name, DEFAULT_SETTINGS, at, CARD);
        expect(next.due.getTime()).toBe(preview.due.getTime());
        expect(next.reps).toBe(memory.reps + 1);
        expect(next.lastReview?.getTime()).toBe(at.getTime());
        expect(log.rating).toBe(g.rating);
        expect(log.state).toBe(memory.state); // the log records the state before the review
        expect(log.review.getTime()).toBe(at.getTime());
        if (g.name === "again" && memory.state === State.Review) expect(next.lapses).toBe(memory.lapses + 1);
        else expect(next.lapses).toBe(memory.lapses);
      });
    }
  }

  it("orders the previews Again ≤ Hard ≤ Good ≤ Easy for a review card", () => {
    const { memory, at } = stateAfter(STARTS.review);
    const ms = previewGrades(memory, noFuzz, at, CARD).map((p) => p.intervalMs);
    expect(ms).toEqual([...ms].sort((a, b) => a - b));
    expect(ms[0]).toBeLessThan(ms[3]);
  });

  it("uses the first learning step for Again on a new card", () => {
    const again = previewGrades(newMemoryState(NOW), noFuzz, NOW, CARD)[0];
    expect(again.intervalMs).toBe(60_000);
  });

  it("a higher desired retention gives a shorter Good interval", () => {
    const { memory, at } = stateAfter(STARTS.review);
    const low = previewGrades(memory, { ...noFuzz, desiredRetention: 0.8 }, at, CARD)[2].intervalMs;
    const high = previewGrades(memory, { ...noFuzz, desiredRetention: 0.95 }, at, CARD)[2].intervalMs;
    expect(high).toBeLessThan(low);
  });

  it("is deterministic for the same state and time", () => {
    const { memory, at } = stateAfter(STARTS.review);
    expect(applyGrade(memory, "good", DEFAULT_SETTINGS, at, CARD)).toEqual(applyGrade(memory, "good", DEFAULT_SETTINGS, at, CARD));
  });
});

describe("leeches (Anki rslib leech_threshold_met)", () => {
  it(`a card becomes a leech on its ${LEECH_THRESHOLD}th lapse and again every half threshold after (12, 16, …), never in between`, () => {
    let { memory, at } = stateAfter(STARTS.review);
    const leechAt: number[] = [];
    for (let lapse = 1; lapse <= 2 * LEECH_THRESHOLD + 1; lapse++) {
      const again = applyGrade(memory, "again", noFuzz, at, CARD).memory;
      if (becomesLeech(memory, again)) leechAt.push(again.lapses);
      // Relearn back into review before the next lapse.
      memory = applyGrade(again, "good", noFuzz, new Date(again.due.getTime() + 60_000), CARD).memory;
      at = new Date(memory.due.getTime() + DAY);
    }
    expect(leechAt).toEqual([8, 12, 16]);
  });

  it("rounds an odd threshold's half up, and a threshold of 0 never makes a leech", () => {
    expect([1, 2, 3, 4, 5, 6, 7].filter((n) => isLeechLapse(n, 3))).toEqual([3, 5, 7]);
    expect([1, 2, 3].filter((n) => isLeechLapse(n, 1))).toEqual([1, 2, 3]);
    expect(isLeechLapse(8, 0)).toBe(false);
  });

  it("a grade that does not lapse never makes a leech, even at a leech count", () => {
    const { memory, at } = stateAfter(STARTS.review);
    const atEight = { ...memory, lapses: 8 };
    expect(becomesLeech(atEight, applyGrade(atEight, "good", noFuzz, at, CARD).memory)).toBe(false);
  });
});
