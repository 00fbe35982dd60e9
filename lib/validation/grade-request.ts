import { z } from "zod";
import { GRADE_NAMES } from "@/lib/srs/grade-names";
import { IdSchema } from "./text";

/** The longest time on one card a grade may carry: an hour, in ms. */
export const MAX_GRADE_DURATION_MS = 3_600_000;

/**
 * One grade of one card, as the review page's action and POST
 * /api/review/grade receive it: `cardId` (IdSchema), `version` (the CardState
 * version the card had when shown, an integer ≥ 0, docs/decisions/003),
 * `grade` (one of GRADE_NAMES) and optionally `durationMs` (time on the
 * card, integer ms from 0 to an hour). Anything else is refused; each caller
 * words its own refusal.
 */
export const GradeRequestSchema = z.object({
  cardId: IdSchema,
  version: z.number().int().min(0),
  grade: z.enum(GRADE_NAMES),
  durationMs: z.number().int().min(0).max(MAX_GRADE_DURATION_MS).optional(),
});

export type GradeRequest = z.infer<typeof GradeRequestSchema>;
