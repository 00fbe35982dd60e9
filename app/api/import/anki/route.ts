import { apiUserId, json } from "@/lib/api-request";
import { latestAnkiImportJob, startAnkiImport } from "@/lib/dal/anki-import";
import { MAX_PACKAGE_BYTES } from "@/lib/anki/limits";
import { readUpload, uploadFileName, uploadProblem } from "@/lib/upload-request";

const LIMIT_TEXT = `${MAX_PACKAGE_BYTES / 1024 / 1024} MB`;

/**
 * POST /api/import/anki — the body is the .apkg/.colpkg file itself
 * (Content-Type application/octet-stream, the file name in X-File-Name).
 * Starts the import in the background: 202 {job}; poll GET /api/import/anki/{job.id}.
 * 409 {error, job} while another import of this learner runs; 413 past the size limit.
 */
export async function POST(req: Request): Promise<Response> {
  const problem = uploadProblem(req);
  if (problem) return json({ error: problem }, 403);
  const userId = await apiUserId(req);
  if (!userId) return json({ error: "Sign in first." }, 401);
  const fileName = uploadFileName(req, "package.apkg");
  if (!/\.(apkg|colpkg)$/i.test(fileName)) return json({ error: "Choose an Anki package: a .apkg (deck) or .colpkg (collection) file." }, 400);
  const bytes = await readUpload(req, MAX_PACKAGE_BYTES);
  if (bytes === "too-large") return json({ error: `This file is larger than ${LIMIT_TEXT}: Recall imports Anki packages up to ${LIMIT_TEXT}.` }, 413);
  if (bytes.length === 0) return json({ error: "The file is empty." }, 400);
  const started = await startAnkiImport(userId, fileName, bytes);
  if (!started.ok) return json({ error: "An import is already running: wait for it to finish.", job: started.running }, 409);
  return json({ job: started.job }, 202);
}

/** GET /api/import/anki — the learner's running (or latest) import, so a reloaded page picks it up again: {job} or {job: null}. */
export async function GET(req: Request): Promise<Response> {
  const userId = await apiUserId(req);
  if (!userId) return json({ error: "Sign in first." }, 401);
  return json({ job: await latestAnkiImportJob(userId) });
}
