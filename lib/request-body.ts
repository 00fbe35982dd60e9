import { concatBytes } from "./bytes";

// Reading a request body with a ceiling (docs/decisions/019-request-limits.md).
// Route handlers otherwise read whatever the client sends into memory: a
// 150 MB JSON body to the grade endpoint took the server from 295 to 730 MB.

/** The body is longer than the route accepts: answer 413. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The request body is larger than ${maxBytes} bytes.`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The body's bytes, read up to `maxBytes`. Refuses at once when
 * Content-Length announces more, and otherwise stops reading (and cancels the
 * stream) as soon as more arrived, so a chunked body without a length cannot
 * get past either. Throws BodyTooLargeError.
 */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return concatBytes(chunks, size);
}

/** The body as UTF-8 text, read up to `maxBytes` (bytes, not characters): see readBodyBytes. Throws BodyTooLargeError. */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  return Buffer.from(await readBodyBytes(req, maxBytes)).toString("utf8");
}

export function tooLargeMessage(maxBytes: number): string {
  return maxBytes >= 1024 ? `The request is too large (at most ${Math.floor(maxBytes / 1024)} kB).` : `The request is too large (at most ${maxBytes} bytes).`;
}

/**
 * Wraps a POST handler that reads the body itself (next-auth's): the body is
 * read here up to `maxBytes` (413 in plain text beyond) and handed on as a new
 * request carrying exactly those bytes.
 */
export function withBodyLimit<R extends Request>(handler: (req: R) => Promise<Response>, maxBytes: number, rebuild: (req: R, body: string) => R): (req: R) => Promise<Response> {
  return async (req: R) => {
    let body: string;
    try {
      body = await readBodyText(req, maxBytes);
    } catch (e) {
      if (!(e instanceof BodyTooLargeError)) throw e;
      return new Response(tooLargeMessage(maxBytes), { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    }
    return handler(rebuild(req, body));
  };
}
