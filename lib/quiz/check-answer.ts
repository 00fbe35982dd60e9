// Server-side check of a submitted answer against the stored question.

import { gradeTypedAnswer, type TypedVerdict } from "./grade-answer";
import type { QuizQuestion } from "./types";

export interface AnswerCheck {
  /** Only "correct" counts for the score and the schedule; "near-miss" is a hint to retype. */
  correct: boolean;
  verdict: TypedVerdict;
  matched?: string;
}

export function checkQuizAnswer(question: QuizQuestion, given: string): AnswerCheck {
  if (question.type === "typed") {
    const grade = gradeTypedAnswer(given, question.expected, question.accepted, { rejected: question.rejected });
    return { correct: grade.verdict === "correct", ...grade };
  }
  // Options and "true"/"false" are chosen, not typed: exact match, no typo allowance.
  const answer = question.type === "true-false" ? given.trim().toLowerCase() : given;
  const correct = answer === question.expected;
  return correct ? { correct, verdict: "correct", matched: question.expected } : { correct, verdict: "wrong" };
}
