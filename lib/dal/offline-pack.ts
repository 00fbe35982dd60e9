import "server-only";
import { db } from "@/lib/db";
import { getUserSettings } from "./users";
import { DUE_ORDER, dueStates, NEW_CARD_ORDER, newCards } from "./queue-sql";
import { loadItems, today, type ReviewItem } from "./review";

/** A card as carried to the device for offline review: the review page's item plus its fact (for the sibling rule). */
export type OfflineCard = ReviewItem & { factId: string };

export interface OfflinePack {
  userId: string;
  /** When the pack was made (ISO); grade previews are computed for this moment. */
  madeAt: string;
  /** Reviews due today first (due order), then new cards (document order). */
  cards: OfflineCard[];
  /** New cards the learner may still start today (the pack holds more, for when siblings are skipped). */
  newLeft: number;
}

/** At most this many cards go to the device: a day of reviews for almost everyone, and a small payload (≈ 1 kB a card). */
export const OFFLINE_PACK_LIMIT = 300;

/**
 * Today's cards for offline review: the due reviews, up to the day's review
 * allowance, then new cards, up to three times the day's new-card allowance
 * (the page skips the siblings of a card graded that day, as the server
 * queue does, and stops at `newLeft`). Everything is scoped by `userId`.
 */
export async function getOfflinePack(userId: string, now: Date): Promise<OfflinePack> {
  const settings = await getUserSettings(userId);
  const t = await today(userId, settings, now);
  const q = t.scope;
  const reviewLimit = Math.min(t.reviewsLeft, OFFLINE_PACK_LIMIT);
  const due = reviewLimit
    ? await db.$queryRaw<{ cardId: string; factId: string }[]>`
      SELECT s."cardId", c."factId" FROM ${dueStates(q)} ${DUE_ORDER} LIMIT ${reviewLimit}`
    : [];
  const newLimit = Math.min(t.newLeft * 3, OFFLINE_PACK_LIMIT - due.length);
  const fresh = newLimit > 0
    ? await db.$queryRaw<{ cardId: string; factId: string }[]>`
      SELECT c."id" AS "cardId", c."factId" FROM ${newCards(q)} ${NEW_CARD_ORDER} LIMIT ${newLimit}`
    : [];
  const rows = [...due, ...fresh];
  const factOf = new Map(rows.map((r) => [r.cardId, r.factId]));
  const items = await loadItems(userId, rows.map((r) => r.cardId), settings, now);
  const cards: OfflineCard[] = items.map((item) => ({ ...item, factId: factOf.get(item.cardId)! }));
  return { userId, madeAt: now.toISOString(), cards, newLeft: t.newLeft };
}
