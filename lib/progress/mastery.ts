// How well the user knows each kind of fact right now, from the FSRS memory
// state of their cards: the probability of recalling a card today
// (retrievability), averaged per kind.

import { FSRS6_DEFAULT_DECAY, forgetting_curve } from "ts-fsrs";
import type { FactKind } from "../extract/types";

const DAY_MS = 86_400_000;
const NEW = 0;

export const MASTERY_KINDS = ["date", "agreement", "actor", "number", "definition"] as const satisfies readonly FactKind[];
export type MasteryKind = (typeof MASTERY_KINDS)[number];

export interface MasteryCard {
  stability: number;
  lastReview: Date | null;
  state: number;
}

export interface KindMastery {
  /** Cards of this kind given to masteryByKind, studied or not. */
  cards: number;
  /** Cards of this kind reviewed at least once. */
  studied: number;
  /** Mean retrievability over all `cards` (new ones count 0); null with no cards. */
  averageRetrievability: number | null;
}

/**
 * Probability of recalling the card at `now`. `decay` is the user's FSRS-6
 * w[20] (ts-fsrs's positive convention); the default matches ts-fsrs defaults.
 * A card never reviewed has nothing to recall: 0.
 */
export function retrievability(card: MasteryCard, now: Date, decay: number = FSRS6_DEFAULT_DECAY): number {
  if (card.state === NEW || card.lastReview === null) return 0;
  // A corrupt zero/negative stability would make the curve divide by zero.
  if (!(card.stability > 0)) return 0;
  // Fractional days, unlike FSRS#get_retrievability which floors them: a card
  // reviewed 20 hours ago should not read as freshly reviewed (Anki computes
  // FSRS-6 retrievability from seconds too). A review stamped after `now`
  // (clock skew) is treated as just now.
  const elapsedDays = Math.max(0, (now.getTime() - card.lastReview.getTime()) / DAY_MS);
  return forgetting_curve(decay, elapsedDays, card.stability);
}

/**
 * Per fact kind. Unstudied cards count as 0 so that a kind with one
 * well-known card out of a hundred does not read as mastered. Rows of a kind
 * not in MASTERY_KINDS are ignored; leave suspended cards out before calling
 * if they should not count.
 */
export function masteryByKind(
  rows: (MasteryCard & { kind: string })[],
  now: Date,
  decay: number = FSRS6_DEFAULT_DECAY,
): Record<MasteryKind, KindMastery> {
  const sums = new Map<string, { cards: number; studied: number; total: number }>(
    MASTERY_KINDS.map((kind) => [kind, { cards: 0, studied: 0, total: 0 }]),
  );
  for (const row of rows) {
    const sum = sums.get(row.kind);
    if (!sum) continue;
    sum.cards += 1;
    if (row.state !== NEW && row.lastReview !== null) sum.studied += 1;
    sum.total += retrievability(row, now, decay);
  }
  const result = {} as Record<MasteryKind, KindMastery>;
  for (const kind of MASTERY_KINDS) {
    const { cards, studied, total } = sums.get(kind)!;
    result[kind] = { cards, studied, averageRetrievability: cards === 0 ? null : total / cards };
  }
  return result;
}
