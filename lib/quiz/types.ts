// Plain data shared by the quiz builder, the grader and the quiz routes.

import type { FactKind } from "../extract/types";

export type QuestionType = "multiple-choice" | "true-false" | "typed";

export const QUESTION_TYPES: readonly QuestionType[] = ["multiple-choice", "true-false", "typed"];

/** A card as the quiz needs it (the fields of a CardDraft plus database ids). */
export interface QuizSourceCard {
  id: string;
  factId: string;
  kind: FactKind;
  prompt: string;
  answer: string;
  accepted: readonly string[];
  /** Exactly 3 for a card that can be asked as multiple choice, otherwise []. */
  distractors: readonly string[];
  trueStatement: string | null;
  falseStatement: string | null;
  source: string;
}

/** A question as the server keeps it: includes the answer. Never send this to the browser. */
export interface QuizQuestion {
  cardId: string;
  kind: FactKind;
  type: QuestionType;
  prompt: string;
  /** Multiple choice: the answer and three distractors, in seeded order. */
  options?: string[];
  /** True/false: the statement to judge. */
  statement?: string;
  /** The correct option, "true" | "false", or the typed answer. */
  expected: string;
  /** Typed: other spellings that count as correct. */
  accepted: string[];
  /** Typed: the card's distractors, so a typo is not forgiven when it spells one of them. */
  rejected: string[];
}

/** What the browser may see before the learner answers. */
export interface PublicQuizQuestion {
  cardId: string;
  kind: FactKind;
  type: QuestionType;
  prompt: string;
  options?: string[];
  statement?: string;
}
