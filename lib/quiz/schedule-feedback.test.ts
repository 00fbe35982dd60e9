import { describe, expect, it } from "vitest";
import { quizFeedback } from "./schedule-feedback";

const now = new Date("2025-03-10T12:00:00.000Z");
const past = new Date("2025-03-09T12:00:00.000Z");
const future = new Date("2025-03-11T12:00:00.000Z");

describe("quizFeedback", () => {
  it.each([
    ["due in the past", past],
    ["not yet due", future],
    ["new", null],
  ])("a wrong answer on a card %s rates Again", (_, due) => {
    expect(quizFeedback({ correct: false, due, now })).toBe("again");
  });

  it("a right answer on a due card rates Good", () => {
    expect(quizFeedback({ correct: true, due: past, now })).toBe("good");
  });

  it("a right answer on a card due exactly now rates Good (due means due <= now)", () => {
    expect(quizFeedback({ correct: true, due: new Date(now.getTime()), now })).toBe("good");
  });

  it("a right answer on a new card rates Good", () => {
    expect(quizFeedback({ correct: true, due: null, now })).toBe("good");
  });

  it("a right answer on a card not yet due leaves the schedule alone", () => {
    expect(quizFeedback({ correct: true, due: future, now })).toBeNull();
  });

  it("a card due one millisecond from now is not due yet", () => {
    expect(quizFeedback({ correct: true, due: new Date(now.getTime() + 1), now })).toBeNull();
  });

  it("refuses an invalid date instead of treating it as not due", () => {
    expect(() => quizFeedback({ correct: true, due: new Date("nonsense"), now })).toThrow(RangeError);
    expect(() => quizFeedback({ correct: true, due: null, now: new Date(Number.NaN) })).toThrow(RangeError);
  });
});
