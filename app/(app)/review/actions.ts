"use server";

import { z } from "zod";
import { requireUser } from "@/lib/dal/session";
import { getReviewItem, getReviewQueue, studyMoreNewToday } from "@/lib/dal/review";
import { gradeCard } from "@/lib/dal/grading";
import { buryCard, setSuspended } from "@/lib/dal/card-actions";
import { undoLast, UndoError, type UndoHead } from "@/lib/dal/undo";
import { NotFoundError } from "@/lib/dal/errors";
import { toQueueView, type QueueView } from "./queue-view";
import { IdSchema } from "@/lib/validation/text";
import { GradeRequestSchema } from "@/lib/validation/grade-request";
import type { GradeName } from "@/lib/srs/grade-names";

const Id = IdSchema;

/**
 * `undo`: the last action Ctrl+Z would undo now (null: nothing). `notice`:
 * what the learner is told about the action ("leech", "buried", …).
 */
export type ActionResult =
  | { queue: QueueView; undo: UndoHead | null; notice?: Notice }
  | { error: string };

export type Notice =
  | { kind: "leech"; lapses: number; cardId: string }
  | { kind: "buried" }
  | { kind: "suspended"; cardId: string }
  | { kind: "undone"; action: UndoHead["action"] }
  | { kind: "graded-elsewhere"; grade: GradeName | null };

const NOT_YOURS = { error: "This card is not in your collection." };

async function queueFor(userId: string): Promise<QueueView> {
  return toQueueView(await getReviewQueue(userId, new Date()));
}

/** Grades a card and returns the user's next queue, so the page needs no reload. */
export async function gradeAction(input: unknown): Promise<ActionResult> {
  const user = await requireUser("/review");
  const parsed = GradeRequestSchema.safeParse(input);
  if (!parsed.success) return { error: "That grade could not be read. Reload the page and try again." };
  try {
    const outcome = await gradeCard(user.id, parsed.data, new Date());
    const queue = await queueFor(user.id);
    if (outcome.status === "duplicate") {
      // Another tab (or a quiz) moved the card on first: the learner's grade was not applied, and is told so.
      return { queue, undo: null, notice: { kind: "graded-elsewhere", grade: outcome.gradedSince?.grade ?? null } };
    }
    const notice: Notice | undefined = outcome.leech ? { kind: "leech", lapses: outcome.lapses, cardId: parsed.data.cardId } : undefined;
    return { queue, undo: { action: "grade", cardId: parsed.data.cardId }, notice };
  } catch (e) {
    if (e instanceof NotFoundError) return NOT_YOURS;
    throw e;
  }
}

/** Undoes the user's last action, whatever it was; the card it touched is shown again. */
export async function undoAction(): Promise<ActionResult> {
  const user = await requireUser("/review");
  try {
    const undone = await undoLast(user.id, new Date());
    const queue = await queueFor(user.id);
    const next = await getReviewItem(user.id, undone.cardId, new Date()).catch(() => queue.next);
    return { queue: { ...queue, next }, undo: undone.next, notice: { kind: "undone", action: undone.action } };
  } catch (e) {
    if (e instanceof UndoError) return { error: e.message };
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
    const { cardId, action } = parsed.data;
    if (action === "bury") await buryCard(user.id, cardId, new Date());
    else await setSuspended(user.id, cardId, true, new Date());
    return { queue: await queueFor(user.id), undo: { action, cardId }, notice: action === "bury" ? { kind: "buried" } : { kind: "suspended", cardId } };
  } catch (e) {
    if (e instanceof NotFoundError) return NOT_YOURS;
    throw e;
  }
}

const StudyMoreSchema = z.number().int().min(1).max(9999);

/** Raises today's new-card limit by `extra`, for today only (Anki's custom study). */
export async function studyMoreNewAction(extra: unknown): Promise<{ ok: true } | { error: string }> {
  const user = await requireUser("/review");
  const parsed = StudyMoreSchema.safeParse(extra);
  if (!parsed.success) return { error: "That number of cards could not be read: use a whole number from 1 to 9,999." };
  await studyMoreNewToday(user.id, parsed.data, new Date());
  return { ok: true };
}
