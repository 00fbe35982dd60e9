import { z } from "zod";
import { apiUserId, crossSiteProblem, json, readJson } from "@/lib/api-request";
import { gradeCard } from "@/lib/dal/grading";
import { NotFoundError } from "@/lib/dal/errors";
import { IdSchema } from "@/lib/validation/text";

const GradeSchema = z.object({
  cardId: IdSchema,
  version: z.number().int().min(0),
  grade: z.enum(["again", "hard", "good", "easy"]),
  durationMs: z.number().int().min(0).max(3_600_000).optional(),
});

/**
 * POST /api/review/grade {cardId, version, grade} — grades a card once
 * (docs/decisions/003). 200 {status: "applied", logId, due} or {status: "duplicate"}.
 */
export async function POST(req: Request): Promise<Response> {
  const problem = crossSiteProblem(req);
  if (problem) return json({ error: problem }, 403);
  const userId = await apiUserId(req);
  if (!userId) return json({ error: "Sign in first." }, 401);
  const body = await readJson(req);
  if ("response" in body) return body.response;
  const parsed = GradeSchema.safeParse(body.value);
  if (!parsed.success) return json({ error: "Send {cardId, version, grade} with grade one of again, hard, good, easy." }, 400);
  try {
    const outcome = await gradeCard(userId, parsed.data, new Date());
    return json(outcome);
  } catch (e) {
    if (e instanceof NotFoundError) return json({ error: "Card not found." }, 404);
    throw e;
  }
}
