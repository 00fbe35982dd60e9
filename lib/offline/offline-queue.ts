// What the review page shows without a network: the next card of the pack
// kept on the device (lib/dal/offline-pack.ts), given the grades made offline.
// Pure: the page and the tests hand it the pack and the waiting grades.

import type { OfflineCard, OfflinePack } from "@/lib/dal/offline-pack";
import type { GradeName } from "@/lib/srs/grade-names";
export type { GradeName };

/** A grade made without a network, waiting on the device to be sent (POST /api/review/grade). */
export interface WaitingGrade {
  /** IndexedDB key, in the order the grades were made. */
  id?: number;
  userId: string;
  cardId: string;
  /** The CardState version the card had when it was shown (docs/decisions/003). */
  version: number;
  grade: GradeName;
  /** Time spent on the card, ms. */
  durationMs: number;
  /** When it was graded (ISO). */
  gradedAt: string;
  /** Times a send was tried and got no answer: a later "duplicate" then means the first send was applied. */
  attempts: number;
}

export interface OfflineQueue {
  next: OfflineCard | null;
  /** Anki's three counts, as the review page shows them online. */
  remaining: { new: number; learning: number; reviews: number };
}

/**
 * The next card to show offline: the pack's order (reviews, then new cards),
 * skipping cards already graded offline and, as the server does (the sibling
 * rule, lib/dal/queue-sql.ts), cards of a fact graded offline today; new cards
 * stop at the pack's `newLeft` allowance. A card graded offline is not shown
 * again before the grade reaches the server, even if a learning step would
 * bring it back today.
 */
export function offlineQueue(pack: OfflinePack, waiting: Pick<WaitingGrade, "cardId">[]): OfflineQueue {
  const graded = new Set(waiting.map((g) => g.cardId));
  const gradedFacts = new Set(pack.cards.filter((c) => graded.has(c.cardId)).map((c) => c.factId));
  const introduced = pack.cards.filter((c) => c.isNew && graded.has(c.cardId)).length;
  let newLeft = Math.max(0, pack.newLeft - introduced);
  const open: OfflineCard[] = [];
  const factsTaken = new Set(gradedFacts);
  for (const c of pack.cards) {
    if (graded.has(c.cardId) || factsTaken.has(c.factId)) continue;
    if (c.isNew) {
      if (newLeft === 0) continue;
      newLeft--;
    }
    // Only one card per fact in what is left today.
    factsTaken.add(c.factId);
    open.push(c);
  }
  return {
    next: open[0] ?? null,
    remaining: {
      new: open.filter((c) => c.stage === "new").length,
      learning: open.filter((c) => c.stage === "learning").length,
      reviews: open.filter((c) => c.stage === "review").length,
    },
  };
}
