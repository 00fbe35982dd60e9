// No imports: client components (the review page, the offline queue) use
// these without pulling in the scheduler.

/**
 * The four FSRS grades, in the order of their ratings (1–4) and keys: the one
 * list the scheduler (GRADES), the grade request schema
 * (lib/validation/grade-request.ts) and the review page derive theirs from.
 */
export const GRADE_NAMES = ["again", "hard", "good", "easy"] as const;

export type GradeName = (typeof GRADE_NAMES)[number];

/** A grade's name as a button or notice shows it ("Good"). */
export const GRADE_LABEL: Readonly<Record<GradeName, string>> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };
