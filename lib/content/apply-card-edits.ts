import type { Generated } from "@/lib/extract/types";

export interface CardChoice {
  key: string;
  keep: boolean;
  prompt: string;
  answer: string;
}

/**
 * Applies a user's choices to freshly generated cards: only cards named and
 * kept survive, with the user's prompt and answer; facts left without a card
 * are dropped. A changed answer drops the generated typed-answer variants and
 * true/false statements, which were made for the old answer.
 */
export function applyCardEdits(generated: Generated, choices: CardChoice[]): Generated {
  const byKey = new Map(choices.map((c) => [c.key, c]));
  const cards = generated.cards.flatMap((card) => {
    const choice = byKey.get(card.key);
    if (!choice?.keep) return [];
    const answerChanged = choice.answer !== card.answer;
    return [
      {
        ...card,
        prompt: choice.prompt,
        answer: choice.answer,
        accepted: answerChanged ? [] : card.accepted,
        distractors: answerChanged ? card.distractors.filter((d) => d !== choice.answer) : card.distractors,
        falseStatement: answerChanged ? null : card.falseStatement,
      },
    ].map((c) => (c.distractors.length === 3 ? c : { ...c, distractors: [] }));
  });
  const used = new Set(cards.map((c) => c.factKey));
  return { facts: generated.facts.filter((f) => used.has(f.key)), cards };
}
