// Decides which facts a quiz asks and in which form, so the requested types
// are spread as evenly as the cards allow (many cards have no distractors,
// so multiple choice is often the scarce type).

import type { QuestionType, QuizSourceCard } from "./types";

export interface Candidate {
  card: QuizSourceCard;
  /** The requested types this card can be asked as (never empty). */
  types: QuestionType[];
}

export interface Picked {
  card: QuizSourceCard;
  type: QuestionType;
}

/**
 * Round-robin draft over `typeOrder`: each turn takes, for that type, the
 * first remaining candidate (in seeded order) that supports it. A type no
 * remaining card supports leaves the rotation, and by then every card that
 * could serve it is in the quiz, so `rebalance` can give it its share.
 */
function draft(candidates: readonly Candidate[], length: number, typeOrder: readonly QuestionType[]) {
  const used = new Set<number>();
  const picks: Array<{ index: number; type: QuestionType }> = [];
  const active = [...typeOrder];
  let pos = 0;
  while (picks.length < length && active.length > 0) {
    const type = active[pos]!;
    const best = candidates.findIndex((c, i) => !used.has(i) && c.types.includes(type));
    if (best === -1) {
      active.splice(pos, 1);
      if (pos >= active.length) pos = 0;
      continue;
    }
    used.add(best);
    picks.push({ index: best, type });
    pos = (pos + 1) % active.length;
  }
  return picks;
}

/** Even split; the remainder goes to the types first in the seeded order. */
function quotas(total: number, typeOrder: readonly QuestionType[]): Map<QuestionType, number> {
  const base = Math.floor(total / typeOrder.length);
  const extra = total % typeOrder.length;
  return new Map(typeOrder.map((t, i) => [t, base + (i < extra ? 1 : 0)]));
}

/**
 * The draft is greedy and can strand a type; moving cards along a chain of
 * types (an augmenting path: MC card -> typed, typed card -> true/false, ...)
 * from an over-quota type to an under-quota one fixes that whenever the cards
 * make it possible.
 */
function rebalance(
  picks: Array<{ index: number; type: QuestionType }>,
  candidates: readonly Candidate[],
  typeOrder: readonly QuestionType[],
): void {
  const quota = quotas(picks.length, typeOrder);
  for (;;) {
    const count = new Map(typeOrder.map((t) => [t, 0]));
    for (const p of picks) count.set(p.type, count.get(p.type)! + 1);
    const over = typeOrder.filter((t) => count.get(t)! > quota.get(t)!);
    const under = new Set(typeOrder.filter((t) => count.get(t)! < quota.get(t)!));
    if (over.length === 0 || under.size === 0) return;

    const via = new Map<QuestionType, { from: QuestionType; pick: number } | null>(over.map((t) => [t, null]));
    const queue = [...over];
    let reached: QuestionType | null = null;
    search: while (queue.length > 0) {
      const from = queue.shift()!;
      for (let pick = 0; pick < picks.length; pick++) {
        if (picks[pick]!.type !== from) continue;
        for (const to of candidates[picks[pick]!.index]!.types) {
          if (via.has(to)) continue;
          via.set(to, { from, pick });
          if (under.has(to)) {
            reached = to;
            break search;
          }
          queue.push(to);
        }
      }
    }
    if (reached === null) return;
    for (let t: QuestionType = reached, step = via.get(t); step; t = step.from, step = via.get(t)) {
      picks[step.pick]!.type = t;
    }
  }
}

export function assignTypes(
  candidates: readonly Candidate[],
  length: number,
  typeOrder: readonly QuestionType[],
): Picked[] {
  const picks = draft(candidates, length, typeOrder);
  rebalance(picks, candidates, typeOrder);
  return picks.map((p) => ({ card: candidates[p.index]!.card, type: p.type }));
}
