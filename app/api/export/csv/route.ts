import { apiUserId, json } from "@/lib/api-request";
import { csvExportRows } from "@/lib/dal/csv-cards";
import { toCardsCsv } from "@/lib/csv/cards-csv";

/** GET /api/export/csv — every card the learner can study with their state (front, back, tags, deck, type, state, due, …). */
export async function GET(req: Request): Promise<Response> {
  const userId = await apiUserId(req);
  if (!userId) return json({ error: "Sign in first." }, 401);
  const now = new Date();
  const csv = toCardsCsv(await csvExportRows(userId, now));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="recall-cards-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
