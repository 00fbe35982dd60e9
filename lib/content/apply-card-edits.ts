import type { Generated } from "@/lib/extract/types";

export interface CardChoice {
  key: string;
  keep: boolean;
  prompt: string;
  answer: string;
}

interface Worded {
  prompt: string;
  answer: string;
  accepted: string[];
  distractors: string[];
  falseStatement: string | null;
}

/**
 * A card in the user's own words. A changed answer drops the generated
 * typed-answer variants and false statement, which were made for the old
 * answer, and a distractor equal to the new answer (leaving fewer than 3 means
 * no multiple-choice question).
 */
export function withUserWording<T extends Worded>(card: T, wording: { prompt: string; answer: string } | undefined): T {
  if (!wording) return card;
  if (wording.answer === card.answer) return { ...card, prompt: wording.prompt };
  const distractors = card.distractors.filter((d) => d !== wording.answer);
  return { ...card, ...wording, accepted: [], falseStatement: null, distractors: distractors.length === 3 ? distractors : [] };
}

/**
 * Applies a user's choices to freshly generated cards: only cards named and
 * kept survive, with the user's prompt and answer; facts left without a card
 * are dropped.
 */
export function applyCardEdits(generated: Generated, choices: CardChoice[]): Generated {
  const byKey = new Map(choices.map((c) => [c.key, c]));
  const cards = generated.cards.flatMap((card) => {
    const choice = byKey.get(card.key);
    return choice?.keep ? [withUserWording(card, choice)] : [];
  });
  const used = new Set(cards.map((c) => c.factKey));
  return { facts: generated.facts.filter((f) => used.has(f.key)), cards };
}
