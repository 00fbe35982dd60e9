"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { editCard, resetCard, revertCardEdit, setSuspended } from "@/lib/dal/card-actions";
import { NotFoundError } from "@/lib/dal/errors";
import { deleteOwnCards } from "@/lib/dal/card-browser";
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

const BulkSchema = z.object({
  action: z.enum(["suspend", "unsuspend", "reset", "delete"]),
  cardIds: z.array(Id).min(1, "Select at least one card.").max(200, "Select at most 200 cards at a time."),
});

/**
 * Acts on the cards selected in the browser: suspend, unsuspend, reset to new
 * (each checked against what this learner may see), or delete (only cards of
 * their own documents and decks). Comes back to the browser with what it did.
 */
export async function bulkCardAction(form: FormData): Promise<void> {
  const user = await requireUser("/cards");
  const parsed = BulkSchema.safeParse({ action: form.get("action"), cardIds: form.getAll("cardId") });
  // Where to come back to: the browser's own URL (its filters), nothing else.
  const back = typeof form.get("back") === "string" && /^\/cards(\?[^#]*)?$/.test(String(form.get("back"))) ? String(form.get("back")) : "/cards";
  const withNotice = (notice: string) => `${back}${back.includes("?") ? "&" : "?"}notice=${encodeURIComponent(notice)}`;
  if (!parsed.success) redirect(withNotice(parsed.error.issues[0]!.message));
  const { action, cardIds } = parsed.data;
  const now = new Date();
  let notice: string;
  if (action === "delete") {
    const { deleted, refused } = await deleteOwnCards(user.id, cardIds);
    notice = `Deleted ${deleted} ${deleted === 1 ? "card" : "cards"} with their history.${refused ? ` ${refused} not deleted: only cards of your own documents and decks can be.` : ""}`;
  } else {
    let done = 0;
    let missing = 0;
    for (const cardId of cardIds) {
      try {
        if (action === "reset") await resetCard(user.id, cardId, now);
        else await setSuspended(user.id, cardId, action === "suspend", now);
        done++;
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
        missing++;
      }
    }
    const verb = { suspend: "Suspended", unsuspend: "Unsuspended", reset: "Reset to new" }[action];
    notice = `${verb} ${done} ${done === 1 ? "card" : "cards"}.${missing ? ` ${missing} not found in your collection.` : ""}`;
  }
  revalidatePath("/cards");
  redirect(withNotice(notice));
}
