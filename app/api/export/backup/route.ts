import { apiUserId, json } from "@/lib/api-request";
import { createBackup } from "@/lib/dal/backup";
import { encodeBackup } from "@/lib/backup/format";

/** GET /api/export/backup — everything the learner has, as one gzip-compressed JSON file (lib/backup/format.ts). */
export async function GET(req: Request): Promise<Response> {
  const userId = await apiUserId(req);
  if (!userId) return json({ error: "Sign in first." }, 401);
  const now = new Date();
  const bytes = encodeBackup(await createBackup(userId, now));
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/gzip",
      "Content-Disposition": `attachment; filename="recall-backup-${now.toISOString().slice(0, 10)}.json.gz"`,
      "Cache-Control": "no-store",
    },
  });
}
