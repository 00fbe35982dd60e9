import "server-only";
import { CROSS_SITE, isSameOrigin } from "./api-request";
import { BodyTooLargeError, readBodyBytes } from "./request-body";

/**
 * Refuses cross-site file uploads: the request must carry the X-Recall-Upload
 * header (a cross-site form cannot set it, and fetch would need a CORS
 * preflight this app never allows), and an Origin, when sent, must be this
 * site's ("null" or an unparsable Origin is not).
 */
export function uploadProblem(req: Request): string | null {
  if (req.headers.get("x-recall-upload") !== "1") return "Upload the file from Recall's import page.";
  const origin = req.headers.get("origin");
  if (origin !== null && !isSameOrigin(origin, req.headers.get("x-forwarded-host") ?? req.headers.get("host"))) return CROSS_SITE;
  return null;
}

/** The uploaded file's bytes, read up to `limit` bytes (lib/request-body.ts): "too-large" as soon as it is longer. */
export async function readUpload(req: Request, limit: number): Promise<Uint8Array | "too-large"> {
  try {
    return await readBodyBytes(req, limit);
  } catch (e) {
    if (e instanceof BodyTooLargeError) return "too-large";
    throw e;
  }
}

/** The file name the page sent in X-File-Name (percent-encoded); `fallback` when missing or not valid percent-encoding. */
export function uploadFileName(req: Request, fallback: string): string {
  const raw = req.headers.get("x-file-name");
  if (!raw) return fallback;
  try {
    return decodeURIComponent(raw).slice(0, 200);
  } catch {
    return fallback;
  }
}
