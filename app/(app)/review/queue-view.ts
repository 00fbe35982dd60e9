import type { ReviewQueue } from "@/lib/dal/review";

/** The review queue as sent to the browser (dates as ISO strings). */
export type QueueView = Omit<ReviewQueue, "nextDue"> & { nextDue: string | null };

export function toQueueView(q: ReviewQueue): QueueView {
  return { ...q, nextDue: q.nextDue?.toISOString() ?? null };
}
