// The quiz-shaped view of generated cards: each draft as itself, plus one multiple-choice
// item (when it has 3 distractors) and true/false items per fact. Used by the CLI and eval.
import type { CardDraft, FactKind, Generated } from "./types";
import { seededShuffle } from "./text";

export type QuizItemType = "cloze" | "question" | "multiple-choice" | "true-false";

export interface QuizItem {
  type: QuizItemType;
  kind: FactKind;
  prompt: string;
  answer: string;
  options?: string[];
  accepted?: string[];
  source: string;
  key: string;
  factKey: string;
}

export function quizItems(g: Generated): QuizItem[] {
  const out: QuizItem[] = [];
  const byFact = new Map<string, CardDraft[]>();
  for (const c of g.cards) byFact.set(c.factKey, [...(byFact.get(c.factKey) ?? []), c]);
  for (const [factKey, cards] of byFact) {
    for (const c of cards) {
      out.push({ type: c.type, kind: c.kind, prompt: c.prompt, answer: c.answer, accepted: c.accepted, source: c.source, key: c.key, factKey });
    }
    // Multiple choice reads best as a question; a cloze works when there is none.
    const mc = cards.find((c) => c.type === "question" && c.distractors.length === 3) ?? cards.find((c) => c.distractors.length === 3);
    if (mc) {
      out.push({
        type: "multiple-choice",
        kind: mc.kind,
        prompt: mc.prompt,
        answer: mc.answer,
        options: seededShuffle([mc.answer, ...mc.distractors], mc.key),
        source: mc.source,
        key: `${mc.key}:mc`,
        factKey,
      });
    }
    const first = cards[0];
    out.push({ type: "true-false", kind: first.kind, prompt: first.trueStatement, answer: "true", source: first.source, key: `${first.key}:t`, factKey });
    if (first.falseStatement) {
      out.push({ type: "true-false", kind: first.kind, prompt: first.falseStatement, answer: "false", source: first.source, key: `${first.key}:f`, factKey });
    }
  }
  return out;
}
