import { apiUserId, json } from "@/lib/api-request";
import { exportAnkiPackage } from "@/lib/dal/export";

/**
 * GET /api/export/anki[?scheduling=0] — the learner's cards as an Anki deck
 * package (recall.apkg), with their scheduling and review history unless
 * scheduling=0. Only the signed-in learner's own states and logs are included.
 */
export async function GET(req: Request): Promise<Response> {
  const userId = await apiUserId(req);
  if (!userId) return json({ error: "Sign in first." }, 401);
  const scheduling = new URL(req.url).searchParams.get("scheduling") !== "0";
  const bytes = await exportAnkiPackage(userId, { scheduling });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="recall-${day}.apkg"`,
      "Cache-Control": "no-store",
    },
  });
}
