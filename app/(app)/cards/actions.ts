"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/dal/session";
import { editCard, resetCard, revertCardEdit, setSuspended } from "@/lib/dal/card-actions";
import { NotFoundError } from "@/lib/dal/errors";
import { IdSchema, userText } from "@/lib/validation/text";

export interface CardFormState {
  error?: string;
  saved?: string;
  fieldErrors?: Partial<Record<"prompt" | "answer", string>>;
}

const Id = IdSchema;
const EditSchema = z.object({
  cardId: Id,
  prompt: userText("a prompt", 2_000),
  answer: userText("an answer", 500),
});

export async function editCardAction(_prev: CardFormState, form: FormData): Promise<CardFormState> {
  const user = await requireUser("/cards");
  const parsed = EditSchema.safeParse({ cardId: form.get("cardId"), prompt: form.get("prompt"), answer: form.get("answer") });
  if (!parsed.success) {
    const fieldErrors: CardFormState["fieldErrors"] = {};
    for (const i of parsed.error.issues) if (i.path[0] === "prompt" || i.path[0] === "answer") fieldErrors[i.path[0]] ??= i.message;
    return { fieldErrors };
  }
  try {
    await editCard(user.id, parsed.data.cardId, { prompt: parsed.data.prompt, answer: parsed.data.answer });
  } catch (e) {
    if (e instanceof NotFoundError) return { error: "This card is not in your collection." };
    throw e;
  }
  revalidatePath(`/cards/${parsed.data.cardId}`);
  return { saved: "Saved. You will see your wording from now on; nobody else's card changes." };
}

const ToggleSchema = z.object({ cardId: Id, action: z.enum(["suspend", "unsuspend", "reset", "revert"]) });

export async function cardStateAction(_prev: CardFormState, form: FormData): Promise<CardFormState> {
  const user = await requireUser("/cards");
  const parsed = ToggleSchema.safeParse({ cardId: form.get("cardId"), action: form.get("action") });
  if (!parsed.success) return { error: "That action could not be read." };
  const { cardId, action } = parsed.data;
  try {
    if (action === "suspend" || action === "unsuspend") await setSuspended(user.id, cardId, action === "suspend", new Date());
    else if (action === "reset") await resetCard(user.id, cardId, new Date());
    else await revertCardEdit(user.id, cardId);
  } catch (e) {
    if (e instanceof NotFoundError) return { error: "This card is not in your collection." };
    throw e;
  }
  revalidatePath(`/cards/${cardId}`);
  const done = { suspend: "Suspended.", unsuspend: "Unsuspended: the card is back in your reviews.", reset: "Reset: the card is new again.", revert: "Back to the generated wording." };
  return { saved: done[action] };
}
