import { apiUserId, json } from "@/lib/api-request";
import { getAnkiImportJob } from "@/lib/dal/anki-import";

/** GET /api/import/anki/{id} — the learner's import job: phase, progress 0–1, summary or error. 404 for anyone else's. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const userId = await apiUserId(req);
  if (!userId) return json({ error: "Sign in first." }, 401);
  const { id } = await ctx.params;
  const job = await getAnkiImportJob(userId, id);
  if (!job) return json({ error: "No such import." }, 404);
  return json({ job });
}
