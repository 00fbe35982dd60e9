"use server";

import { z } from "zod";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { createUserDocument } from "@/lib/dal/documents";
import { contentHash } from "@/lib/content/content-hash";
import { generateOffThread, GenerationTimeout } from "@/lib/generation/generate-off-thread";
import type { Generated } from "@/lib/extract/types";
import { CardEditSchema, decodeUpload, DocumentMetaSchema, documentTextProblem } from "@/lib/validation/document";
import { applyCardEdits } from "@/lib/content/apply-card-edits";

export interface DraftCard {
  key: string;
  kind: string;
  type: string;
  prompt: string;
  answer: string;
  source: string;
}

export interface PreviewState {
  error?: string;
  fieldErrors?: Partial<Record<"title" | "publishedAt" | "text", string>>;
  values?: { title: string; publishedAt: string };
  draft?: { title: string; publishedAt: string; text: string; cards: DraftCard[] };
}

async function readText(form: FormData): Promise<{ text: string } | { error: string }> {
  const file = form.get("file");
  if (file instanceof File && file.size > 0) return decodeUpload(file.name, new Uint8Array(await file.arrayBuffer()));
  const text = form.get("text");
  return { text: typeof text === "string" ? text.replace(/\r\n?/g, "\n") : "" };
}

/** Cards for a learner's text, off the request thread; a text that runs past the time budget gets its message. */
async function generateFor(learnerId: string, text: string, publishedAt: Date | null): Promise<Generated | { error: string }> {
  try {
    return await generateOffThread(text, publishedAt, { learnerId });
  } catch (e) {
    if (e instanceof GenerationTimeout) return { error: e.message };
    throw e;
  }
}

/** Step 1: validate the text and show the cards it would make. Nothing is stored. */
export async function previewDocumentAction(_prev: PreviewState, form: FormData): Promise<PreviewState> {
  const user = await requireUser("/documents/new");
  const values = { title: String(form.get("title") ?? "").slice(0, 300), publishedAt: String(form.get("publishedAt") ?? "").slice(0, 20) };
  const meta = DocumentMetaSchema.safeParse(values);
  const read = await readText(form);
  const fieldErrors: PreviewState["fieldErrors"] = {};
  if (!meta.success) for (const i of meta.error.issues) fieldErrors[i.path[0] as "title" | "publishedAt"] ??= i.message;
  if ("error" in read) fieldErrors.text = read.error;
  else {
    const problem = documentTextProblem(read.text);
    if (problem) fieldErrors.text = problem;
  }
  if (!meta.success || "error" in read || fieldErrors.text) return { fieldErrors, values };

  const generated = await generateFor(user.id, read.text, meta.data.publishedAt);
  if ("error" in generated) return { values, fieldErrors: { text: generated.error } };
  if (generated.cards.length === 0)
    return { values, fieldErrors: { text: "No facts with dates, agreements, people, organizations or numbers were found in this text, so no cards can be made." } };
  return {
    values,
    draft: {
      ...values,
      text: read.text,
      cards: generated.cards.map((c) => ({ key: c.key, kind: c.kind, type: c.type, prompt: c.prompt, answer: c.answer, source: c.source })),
    },
  };
}

const SaveSchema = z.object({
  title: z.string(),
  publishedAt: z.string(),
  // Length and content are checked by documentTextProblem, with its own messages.
  text: z.string(),
  cards: z.array(CardEditSchema).max(20_000),
});

export type SaveResult = { error: string; cardErrors?: Record<string, string> };

/** Step 2: store the document and the cards the user kept (with their edits), in one transaction. */
export async function saveDocumentAction(input: unknown): Promise<SaveResult> {
  const user = await requireUser("/documents/new");
  const parsed = SaveSchema.safeParse(input);
  if (!parsed.success) {
    const cardErrors: Record<string, string> = {};
    for (const i of parsed.error.issues) if (i.path[0] === "cards") cardErrors[String(i.path[1])] = i.message;
    return { error: "Some cards could not be saved: check the marked ones.", cardErrors };
  }
  const meta = DocumentMetaSchema.safeParse(parsed.data);
  if (!meta.success) return { error: meta.error.issues[0].message };
  const problem = documentTextProblem(parsed.data.text);
  if (problem) return { error: problem };
  // The cards are generated again here: the browser only chooses and edits them.
  const fresh = await generateFor(user.id, parsed.data.text, meta.data.publishedAt);
  if ("error" in fresh) return { error: fresh.error };
  const generated = applyCardEdits(fresh, parsed.data.cards);
  if (generated.cards.length === 0) return { error: "Keep at least one card to save the document." };
  const doc = await createUserDocument(
    user.id,
    { title: meta.data.title, publishedAt: meta.data.publishedAt, text: parsed.data.text, contentHash: contentHash(parsed.data.text) },
    generated,
  );
  redirect(`/documents/${doc.id}?saved=${doc.cards}`);
}
