import { apiUserId, json } from "@/lib/api-request";
import { getOfflinePack } from "@/lib/dal/offline-pack";

/**
 * GET /api/review/offline — today's cards for the signed-in learner, kept on
 * the device so that reviewing goes on without a network (lib/offline,
 * docs/decisions/023). 200 {userId, madeAt, cards, newLeft}; 401 signed out.
 */
export async function GET(req: Request): Promise<Response> {
  const userId = await apiUserId(req);
  if (!userId) return json({ error: "Sign in first." }, 401);
  return json(await getOfflinePack(userId, new Date()));
}
