// Chooses the cards a "practise my weakest" quiz should ask about.

export interface WeaknessInput {
  id: string;
  /** Probability of recall now, in [0, 1]. */
  retrievability: number;
  lapses: number;
}

// Compare ids by code unit, not localeCompare: the order must not depend on the server's locale.
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// A NaN would make the comparator inconsistent and the sort order engine-dependent;
// an unknown recall probability is treated as the weakest possible.
function recall(r: number): number {
  return Number.isNaN(r) ? -Infinity : r;
}

/**
 * The `n` weakest cards: lowest retrievability first, then most lapses, then
 * id. Returns the caller's objects (extra fields kept), without mutating the input.
 */
export function pickWeakest<T extends WeaknessInput>(cards: readonly T[], n: number): T[] {
  if (!(n > 0)) return [];
  return cards
    .slice()
    .sort(
      (a, b) =>
        recall(a.retrievability) - recall(b.retrievability) ||
        b.lapses - a.lapses ||
        compareIds(a.id, b.id),
    )
    .slice(0, Math.floor(n));
}
