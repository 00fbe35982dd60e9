import { apiUserId, crossSiteProblem, json, readJson } from "@/lib/api-request";
import { gradeCard, type EarlierGrade } from "@/lib/dal/grading";
import { NotFoundError } from "@/lib/dal/errors";
import { GradeRequestSchema } from "@/lib/validation/grade-request";
import { GRADE_LABEL, GRADE_NAMES } from "@/lib/srs/grade-names";

/**
 * POST /api/review/grade {cardId, version, grade} — grades a card once
 * (docs/decisions/003). 200 {status: "applied", logId, due, scheduledDays, leech, lapses}
 * (`due` exactly as the grade's preview in GET /api/review/next said), or
 * {status: "duplicate", gradedSince: {grade, source, review} | null, message}
 * when the card moved on since the version shown ("Already graded in another tab: Good.").
 */
export async function POST(req: Request): Promise<Response> {
  const problem = crossSiteProblem(req);
  if (problem) return json({ error: problem }, 403);
  const userId = await apiUserId(req);
  if (!userId) return json({ error: "Sign in first." }, 401);
  const body = await readJson(req);
  if ("response" in body) return body.response;
  const parsed = GradeRequestSchema.safeParse(body.value);
  if (!parsed.success) return json({ error: `Send {cardId, version, grade} with grade one of ${GRADE_NAMES.join(", ")}.` }, 400);
  try {
    const outcome = await gradeCard(userId, parsed.data, new Date());
    if (outcome.status === "duplicate") return json({ ...outcome, message: duplicateMessage(outcome.gradedSince) });
    return json(outcome);
  } catch (e) {
    if (e instanceof NotFoundError) return json({ error: "Card not found." }, 404);
    throw e;
  }
}

function duplicateMessage(since: EarlierGrade | null): string {
  if (!since) return "This card changed since it was shown (buried, suspended, reset or undone elsewhere): the grade was not applied.";
  const grade = GRADE_LABEL[since.grade];
  return since.source === "quiz" ? `Already graded by a quiz answer: ${grade}. This grade was not applied.` : `Already graded in another tab: ${grade}. This grade was not applied.`;
}
