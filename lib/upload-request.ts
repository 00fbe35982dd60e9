import "server-only";
import { concatBytes } from "./bytes";

/**
 * Refuses cross-site file uploads: the request must carry the X-Recall-Upload
 * header (a cross-site form cannot set it, and fetch would need a CORS
 * preflight this app never allows), and an Origin, when sent, must be this site's.
 */
export function uploadProblem(req: Request): string | null {
  if (req.headers.get("x-recall-upload") !== "1") return "Upload the file from Recall's import page.";
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (origin && host && new URL(origin).host !== host) return "Cross-site requests are not allowed.";
  return null;
}

/** The request body, read up to `limit` bytes: "too-large" as soon as it is longer (the rest is not read). */
export async function readUpload(req: Request, limit: number): Promise<Uint8Array | "too-large"> {
  if (Number(req.headers.get("content-length") ?? 0) > limit) return "too-large";
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  return concatBytes(chunks, size);
}
