// How a quiz answer feeds the review schedule. A quiz is extra practice, not a
// review session: a right answer before the card is due says little about
// long-term memory (the learner may have just reviewed it), so it must not
// push the card further out; a wrong answer always shows the memory failed.

export type QuizRating = "again" | "good";

export interface QuizFeedbackInput {
  correct: boolean;
  /** When the card is next due; null when the learner has never reviewed it (a new card). */
  due: Date | null;
  now: Date;
}

/** The rating to apply to the card's schedule, or null to leave it unchanged. */
export function quizFeedback({ correct, due, now }: QuizFeedbackInput): QuizRating | null {
  // An Invalid Date compares false with everything and would silently mean "not due".
  if (Number.isNaN(now.getTime()) || (due !== null && Number.isNaN(due.getTime()))) {
    throw new RangeError("quizFeedback: invalid date");
  }
  if (!correct) return "again";
  if (due === null || due.getTime() <= now.getTime()) return "good";
  return null;
}
