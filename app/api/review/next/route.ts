import { apiUserId, json } from "@/lib/api-request";
import { getReviewQueue } from "@/lib/dal/review";

/** GET /api/review/next — the signed-in user's next card and what is left today (JSON API for clients and load tests). */
export async function GET(req: Request): Promise<Response> {
  const userId = await apiUserId(req);
  if (!userId) return json({ error: "Sign in first." }, 401);
  const q = await getReviewQueue(userId, new Date());
  return json({ next: q.next, remaining: q.remaining, nextDue: q.nextDue });
}
