"use server";

import { z } from "zod";
import { requireUser } from "@/lib/dal/session";
import { getReviewItem, getReviewQueue } from "@/lib/dal/review";
import { gradeCard, undoGrade, UndoError } from "@/lib/dal/grading";
import { buryCard, setSuspended } from "@/lib/dal/card-actions";
import { NotFoundError } from "@/lib/dal/errors";
import { toQueueView, type QueueView } from "./queue-view";
import { IdSchema } from "@/lib/validation/text";

const Id = IdSchema;

const GradeSchema = z.object({
  cardId: Id,
  version: z.number().int().min(0),
  grade: z.enum(["again", "hard", "good", "easy"]),
  durationMs: z.number().int().min(0).max(3_600_000).optional(),
});

export type ActionResult = { queue: QueueView; logId?: string; duplicate?: boolean; notice?: string } | { error: string };

const NOT_YOURS = { error: "This card is not in your collection." };

async function queueFor(userId: string): Promise<QueueView> {
  return toQueueView(await getReviewQueue(userId, new Date()));
}

/** Grades a card and returns the user's next queue, so the page needs no reload. */
export async function gradeAction(input: unknown): Promise<ActionResult> {
  const user = await requireUser("/review");
  const parsed = GradeSchema.safeParse(input);
  if (!parsed.success) return { error: "That grade could not be read. Reload the page and try again." };
  try {
    const outcome = await gradeCard(user.id, parsed.data, new Date());
    const queue = await queueFor(user.id);
    if (outcome.status === "duplicate") return { queue, duplicate: true };
    const notice = outcome.leech ? "leech" : undefined;
    return { queue, logId: outcome.logId, notice };
  } catch (e) {
    if (e instanceof NotFoundError) return NOT_YOURS;
    throw e;
  }
}

/** Undoes a grade of this session: the card comes back exactly as it was, and is shown again. */
export async function undoAction(logId: unknown): Promise<ActionResult> {
  const user = await requireUser("/review");
  const parsed = Id.safeParse(logId);
  if (!parsed.success) return { error: "Nothing to undo." };
  try {
    const { cardId } = await undoGrade(user.id, parsed.data);
    const queue = await queueFor(user.id);
    return { queue: { ...queue, next: await getReviewItem(user.id, cardId, new Date()) } };
  } catch (e) {
    if (e instanceof UndoError) return { error: e.message };
    if (e instanceof NotFoundError) return { error: "That grade was already undone." };
    throw e;
  }
}

const CardActionSchema = z.object({ cardId: Id, action: z.enum(["bury", "suspend"]) });

/** Buries the card until tomorrow, or suspends it until the user unsuspends it. */
export async function cardAction(input: unknown): Promise<ActionResult> {
  const user = await requireUser("/review");
  const parsed = CardActionSchema.safeParse(input);
  if (!parsed.success) return { error: "That action could not be read." };
  try {
    if (parsed.data.action === "bury") await buryCard(user.id, parsed.data.cardId, new Date());
    else await setSuspended(user.id, parsed.data.cardId, true, new Date());
    return { queue: await queueFor(user.id), notice: parsed.data.action === "bury" ? "buried" : "suspended" };
  } catch (e) {
    if (e instanceof NotFoundError) return NOT_YOURS;
    throw e;
  }
}
