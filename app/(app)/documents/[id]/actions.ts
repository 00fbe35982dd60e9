"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { addOwnCard, OwnCardError, renameDocument } from "@/lib/dal/own-cards";
import { deleteUserDocument } from "@/lib/dal/documents";
import { NotFoundError } from "@/lib/dal/errors";
import { IdSchema, userText } from "@/lib/validation/text";

export interface OwnCardState {
  error?: string;
  saved?: string;
}

const AddSchema = z.discriminatedUnion("type", [
  z.object({ documentId: IdSchema, type: z.enum(["question", "typed"]), front: userText("a front", 2_000), back: userText("a back", 2_000) }),
  z.object({ documentId: IdSchema, type: z.literal("cloze"), sentence: userText("a sentence", 2_000), answer: userText("the part to hide", 500) }),
]);

/** Adds a card the learner wrote to their own document or deck. */
export async function addCardAction(_prev: OwnCardState, form: FormData): Promise<OwnCardState> {
  const user = await requireUser("/documents");
  const type = form.get("type");
  const parsed = AddSchema.safeParse(
    type === "cloze"
      ? { documentId: form.get("documentId"), type, sentence: form.get("front"), answer: form.get("back") }
      : { documentId: form.get("documentId"), type, front: form.get("front"), back: form.get("back") },
  );
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const { documentId, ...input } = parsed.data;
  try {
    await addOwnCard(user.id, documentId, input);
  } catch (e) {
    if (e instanceof OwnCardError) return { error: e.message };
    if (e instanceof NotFoundError) return { error: "You can add cards only to your own documents and decks." };
    throw e;
  }
  revalidatePath(`/documents/${documentId}`);
  return { saved: "Card added. It is new in your reviews." };
}

const RenameSchema = z.object({ documentId: IdSchema, title: userText("a name", 200) });

export async function renameDocumentAction(_prev: OwnCardState, form: FormData): Promise<OwnCardState> {
  const user = await requireUser("/documents");
  const parsed = RenameSchema.safeParse({ documentId: form.get("documentId"), title: form.get("title") });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  try {
    await renameDocument(user.id, parsed.data.documentId, parsed.data.title);
  } catch (e) {
    if (e instanceof NotFoundError) return { error: "You can rename only your own documents and decks." };
    throw e;
  }
  revalidatePath(`/documents/${parsed.data.documentId}`);
  revalidatePath("/documents");
  return { saved: "Renamed." };
}

/** Deletes one of the learner's documents or decks with its cards and their history (the page said what first). */
export async function deleteDocumentAction(form: FormData): Promise<void> {
  const user = await requireUser("/documents");
  const id = IdSchema.safeParse(form.get("documentId"));
  if (!id.success || form.get("confirm") !== "yes") redirect("/documents");
  try {
    await deleteUserDocument(user.id, id.data);
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  revalidatePath("/documents");
  redirect("/documents");
}
