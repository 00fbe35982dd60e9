// Chooses the cards a "practise my weakest" quiz should ask about.

export interface WeaknessInput {
  id: string;
  /** Probability of recall now, in [0, 1]. */
  retrievability: number;
  lapses: number;
}

/**
 * Sort comparator for card ids by UTF-16 code unit (not `localeCompare`: the
 * order must not depend on the server's locale): -1 when `a` sorts first, 1
 * when `b` does, 0 when equal. Exported so its contract (a consistent
 * comparator, as `Array.prototype.sort` requires) is tested directly: V8's
 * sort only ever asks "is it negative?", so the positive branch is invisible
 * through `pickWeakest`.
 */
export function compareIds(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

// A NaN would make the comparator inconsistent and the sort order engine-dependent;
// an unknown recall probability is treated as the weakest possible.
function recall(r: number): number {
  return Number.isNaN(r) ? -Infinity : r;
}

/**
 * The `n` weakest cards: lowest retrievability first, then most lapses, then
 * id. Returns the caller's objects (extra fields kept), without mutating the
 * input. A fractional `n` is rounded down; `n <= 0` or NaN gives none.
 */
export function pickWeakest<T extends WeaknessInput>(cards: readonly T[], n: number): T[] {
  return cards
    .slice()
    .sort(
      (a, b) =>
        recall(a.retrievability) - recall(b.retrievability) ||
        b.lapses - a.lapses ||
        compareIds(a.id, b.id),
    )
    .slice(0, Math.max(0, Math.floor(n)));
}
