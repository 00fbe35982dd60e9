// Issue 12, rule 1: the interval on a button is the one applied. Fuzz is
// seeded like Anki's (card id + review count), never by the review time, so a
// preview, the grade applied seconds or hours later the same day, and the
// preview after a reload all agree.
import { describe, expect, it } from "vitest";
import { applyGrade, fuzzSeed, GRADES, newMemoryState, previewGrades, type MemoryState } from "./scheduler";
import { DEFAULT_SETTINGS } from "./settings";

const NOW = new Date("2026-03-02T10:00:00.000Z");
const SECOND = 1000;
const DAY = 86_400_000;
const fuzzOn = { ...DEFAULT_SETTINGS, enableFuzz: true };
const cards = Array.from({ length: 12 }, (_, i) => `card-${i}`);

/** A card walked into review by Easy then Good on later days, fuzz on. */
function inReview(cardId: string): { memory: MemoryState; at: Date } {
  let memory = applyGrade(newMemoryState(NOW), "easy", fuzzOn, NOW, cardId).memory;
  let at = new Date(memory.due.getTime() + 6 * 3_600_000);
  memory = applyGrade(memory, "good", fuzzOn, at, cardId).memory;
  at = new Date(memory.due.getTime() + 6 * 3_600_000);
  return { memory, at };
}

describe("fuzz is deterministic per card and review (Anki: seed = card id + reps)", () => {
  it("12 new cards graded Easy a few seconds after their preview get exactly the previewed day", () => {
    for (const cardId of cards) {
      const preview = previewGrades(newMemoryState(NOW), fuzzOn, NOW, cardId).find((p) => p.name === "easy")!;
      const applied = applyGrade(newMemoryState(NOW), "easy", fuzzOn, new Date(NOW.getTime() + 7 * SECOND), cardId).memory;
      expect(applied.due.getTime()).toBe(preview.due.getTime());
      expect(applied.scheduledDays).toBe(preview.days);
    }
  });

  it("every grade of a review card applies its preview's due date, hours later the same day, and a reload shows the same buttons", () => {
    for (const cardId of cards) {
      const { memory, at } = inReview(cardId);
      const shown = previewGrades(memory, fuzzOn, at, cardId);
      const reloaded = previewGrades(memory, fuzzOn, new Date(at.getTime() + 2 * 3_600_000), cardId);
      expect(reloaded.map((p) => p.days)).toEqual(shown.map((p) => p.days));
      for (const g of GRADES) {
        const p = shown.find((x) => x.name === g.name)!;
        const later = new Date(at.getTime() + 90 * SECOND);
        const applied = applyGrade(memory, g.name, fuzzOn, later, cardId).memory;
        if (p.days === null) expect(applied.due.getTime() - later.getTime()).toBe(p.intervalMs); // a step: same minutes from the answer
        else expect(applied.due.getTime()).toBe(p.due.getTime());
      }
    }
  });

  it("the fuzz still spreads cards: the same state on different cards does not all land on one day", () => {
    const days = new Set(cards.map((cardId) => previewGrades(newMemoryState(NOW), fuzzOn, NOW, cardId).find((p) => p.name === "easy")!.days));
    expect(days.size).toBeGreaterThan(1);
  });

  it("the seed is the card id and the review count before the answer, and nothing else", () => {
    expect(fuzzSeed("abc", 0)).toBe(fuzzSeed("abc", 0));
    expect(fuzzSeed("abc", 1)).not.toBe(fuzzSeed("abc", 0));
    expect(fuzzSeed("abd", 0)).not.toBe(fuzzSeed("abc", 0));
    // The same card and state a day apart: the fuzz factor is the same, only elapsed days differ.
    const a = previewGrades(newMemoryState(NOW), fuzzOn, NOW, "x").map((p) => p.days);
    const b = previewGrades(newMemoryState(NOW), fuzzOn, new Date(NOW.getTime() + DAY), "x").map((p) => p.days);
    expect(b).toEqual(a);
  });
});
