import { apiUserId, json } from "@/lib/api-request";
import { restoreBackup } from "@/lib/dal/backup";
import { BackupError, decodeBackup, MAX_BACKUP_BYTES } from "@/lib/backup/format";
import { readUpload, uploadProblem } from "@/lib/upload-request";

/**
 * POST /api/import/backup — the backup file as the body (X-Recall-Upload: 1).
 * Restores it into the signed-in account, which must be new: 200 {summary};
 * 400 {error} for a file that is not a usable backup or an account that already has data.
 */
export async function POST(req: Request): Promise<Response> {
  const problem = uploadProblem(req);
  if (problem) return json({ error: problem }, 403);
  const userId = await apiUserId(req);
  if (!userId) return json({ error: "Sign in first." }, 401);
  const bytes = await readUpload(req, MAX_BACKUP_BYTES);
  if (bytes === "too-large") return json({ error: `This file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB.` }, 413);
  try {
    return json({ summary: await restoreBackup(userId, decodeBackup(bytes)) });
  } catch (e) {
    if (e instanceof BackupError) return json({ error: e.message }, 400);
    throw e;
  }
}
