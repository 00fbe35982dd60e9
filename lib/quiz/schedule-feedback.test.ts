import { describe, expect, it } from "vitest";
import { quizFeedback } from "./schedule-feedback";

const studied = (due: boolean) => ({ studied: true, due, suspendedOrBuried: false });

describe("quizFeedback", () => {
  it.each([
    ["due", true],
    ["not yet due", false],
  ])("a wrong answer on a studied card %s rates Again", (_, due) => {
    expect(quizFeedback({ correct: false, card: studied(due) })).toBe("again");
  });

  it("a right answer on a due card rates Good", () => {
    expect(quizFeedback({ correct: true, card: studied(true) })).toBe("good");
  });

  it("a right answer on a card not yet due leaves the schedule alone", () => {
    expect(quizFeedback({ correct: true, card: studied(false) })).toBeNull();
  });

  it("a card never studied is left to the review queue: no grade, none of today's new-card allowance used (issue 12 rule 4c)", () => {
    expect(quizFeedback({ correct: true, card: null })).toBeNull();
    expect(quizFeedback({ correct: false, card: null })).toBeNull();
    expect(quizFeedback({ correct: false, card: { studied: false, due: false, suspendedOrBuried: false } })).toBeNull();
  });

  it("a suspended or buried card never changes schedule, right or wrong (issue 12 rule 4b)", () => {
    for (const correct of [true, false]) expect(quizFeedback({ correct, card: { studied: true, due: true, suspendedOrBuried: true } })).toBeNull();
  });
});
