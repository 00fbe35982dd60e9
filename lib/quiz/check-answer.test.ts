import { describe, expect, it } from "vitest";
import { checkQuizAnswer } from "./check-answer";
import type { QuizQuestion } from "./types";

const base = { cardId: "c1", kind: "actor" as const, prompt: "Who?", accepted: [], rejected: [] };
const mc: QuizQuestion = { ...base, type: "multiple-choice", options: ["Iran", "Iraq", "Oman", "Syria"], expected: "Iran" };
const tf: QuizQuestion = { ...base, type: "true-false", statement: "Iran signed.", expected: "false" };
const typed: QuizQuestion = { ...base, type: "typed", expected: "Iran", accepted: ["Persia"], rejected: ["Iraq"] };

describe("checkQuizAnswer", () => {
  it("accepts only the exact correct option for multiple choice, with no typo allowance", () => {
    expect(checkQuizAnswer(mc, "Iran")).toEqual({ correct: true, verdict: "correct", matched: "Iran" });
    expect(checkQuizAnswer(mc, "Iraq")).toEqual({ correct: false, verdict: "wrong" });
    expect(checkQuizAnswer(mc, "Irna").correct).toBe(false);
  });

  it("reads true/false case-insensitively", () => {
    expect(checkQuizAnswer(tf, " False ").correct).toBe(true);
    expect(checkQuizAnswer(tf, "true").correct).toBe(false);
  });

  it("grades typed answers with the typed grader, including accepted and rejected answers", () => {
    expect(checkQuizAnswer(typed, "persia")).toEqual({ correct: true, verdict: "correct", matched: "Persia" });
    expect(checkQuizAnswer(typed, "Iraq")).toEqual({ correct: false, verdict: "wrong" });
  });

  it("does not count a near miss as correct", () => {
    expect(checkQuizAnswer(typed, "Irak")).toMatchObject({ correct: false, verdict: "near-miss" });
  });
});
