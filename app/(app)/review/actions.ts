"use server";

import { z } from "zod";
import { requireUser } from "@/lib/dal/session";
import { getReviewQueue, gradeCard } from "@/lib/dal/review";
import { NotFoundError } from "@/lib/dal/errors";
import { toQueueView, type QueueView } from "./queue-view";

const GradeSchema = z.object({
  cardId: z.string().min(1).max(64),
  version: z.number().int().min(0),
  grade: z.enum(["again", "hard", "good", "easy"]),
  durationMs: z.number().int().min(0).max(3_600_000).optional(),
});

export type GradeResult = { queue: QueueView; duplicate?: boolean } | { error: string };

/** Grades a card and returns the user's next queue, so the page needs no reload. */
export async function gradeAction(input: unknown): Promise<GradeResult> {
  const user = await requireUser("/review");
  const parsed = GradeSchema.safeParse(input);
  if (!parsed.success) return { error: "That grade could not be read. Reload the page and try again." };
  try {
    const outcome = await gradeCard(user.id, parsed.data, new Date());
    const queue = await getReviewQueue(user.id, new Date());
    return { queue: toQueueView(queue), duplicate: outcome.status === "duplicate" };
  } catch (e) {
    if (e instanceof NotFoundError) return { error: "This card is not in your collection." };
    throw e;
  }
}
