// How a quiz answer feeds the review schedule (docs/decisions/013). A quiz is
// extra practice, not a review session: a right answer before the card is due
// says little about long-term memory (the learner may have just reviewed it),
// so it must not push the card further out; a wrong answer on a studied card
// always shows the memory failed. A card the learner has not started is left
// to the review queue, which introduces new cards within the daily allowance
// (Anki counts answers in a filtered deck against that deck, not the home
// deck's new-card limit); a suspended or buried card never changes schedule.

import type { GradeName } from "@/lib/srs/grade-names";

/** A quiz answer moves a card by one of two grades only. */
export type QuizRating = Extract<GradeName, "again" | "good">;

export interface QuizFeedbackInput {
  correct: boolean;
  /**
   * The learner's card, or null when they never studied it: `studied` (not
   * new), `due` by lib/srs `isDue`, and whether it is suspended or buried now.
   */
  card: { studied: boolean; due: boolean; suspendedOrBuried: boolean } | null;
}

/** The rating to apply to the card's schedule, or null to leave it unchanged. */
export function quizFeedback({ correct, card }: QuizFeedbackInput): QuizRating | null {
  if (!card || !card.studied || card.suspendedOrBuried) return null;
  if (!correct) return "again";
  return card.due ? "good" : null;
}
