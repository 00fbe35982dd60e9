import { z } from "zod";
import { isCleanText, userText } from "./text";

export const MAX_DOCUMENT_CHARS = 200_000;
export const MAX_UPLOAD_BYTES = 1_000_000;

const HTML_TAG = /<\s*\/?\s*(script|style|iframe|object|embed|img|svg|a|div|span|p|html|body|head|meta|link|form|input|table|br)\b[^>]*>/i;
const EVENT_HANDLER = /\bon[a-z]+\s*=\s*["']?[^"'>\s]/i;

/** Why a text cannot be a document, or null when it can. */
export function documentTextProblem(text: string): string | null {
  if (text.trim().length === 0) return "The document is empty: paste some text or choose a file.";
  if (text.length > MAX_DOCUMENT_CHARS)
    return `The document is too long (${text.length.toLocaleString("en")} characters): the limit is ${MAX_DOCUMENT_CHARS.toLocaleString("en")}.`;
  if (text.includes("\u0000") || controlShare(text) > 0.01) return "This looks like a binary file, not text. Upload a .txt or .md file.";
  if (!isCleanText(text)) return "The text contains broken or control characters. Save it as UTF-8 plain text and try again.";
  if (HTML_TAG.test(text) || (/<[a-z]/i.test(text) && EVENT_HANDLER.test(text)))
    return "The text contains HTML or script. Paste plain text (or Markdown) instead.";
  return null;
}

function controlShare(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) n++;
  }
  return n / text.length;
}

/** Decodes an uploaded file: UTF-8 only (a BOM is dropped), .txt or .md only. */
export function decodeUpload(name: string, bytes: Uint8Array): { text: string } | { error: string } {
  if (!/\.(txt|md|markdown)$/i.test(name)) return { error: "Upload a .txt or .md file." };
  if (bytes.length > MAX_UPLOAD_BYTES) return { error: `The file is too large: the limit is ${MAX_DOCUMENT_CHARS.toLocaleString("en")} characters.` };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { error: "This file is not UTF-8 text. Save it as UTF-8 plain text and upload it again." };
  }
}

export const DocumentMetaSchema = z.object({
  title: z
    .string({ error: "Give the document a title." })
    .trim()
    .min(1, "Give the document a title.")
    .max(200, "Keep the title under 200 characters.")
    .refine((t) => !/[<>\u0000-\u001f]/.test(t) && isCleanText(t), "The title cannot contain HTML or control characters."),
  publishedAt: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;
      if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
        ctx.addIssue({ code: "custom", message: "Enter the published date as YYYY-MM-DD." });
        return z.NEVER;
      }
      return d;
    }),
});

export const CardEditSchema = z.object({
  key: z.string().min(1).max(64),
  keep: z.boolean(),
  prompt: userText("a prompt", 2_000),
  answer: userText("an answer", 500),
});
export type CardEdit = z.infer<typeof CardEditSchema>;
