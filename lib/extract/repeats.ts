// One figure, many cards: a speaker who repeats "2014" five times ("by the end of 2014", "after
// 2014", "beyond transition in 2014", …) restates one or two facts, and five cards whose answer is
// "2014" ask the learner the same thing five times (blind reading, issue 11). When a date or a
// figure is the answer of more than MAX_PER_ANSWER facts, only the best MAX_PER_ANSWER are kept:
// first those that can be asked as multiple choice (a bound such as "after 2014" cannot), then the
// shorter prompt, then the earlier in the document; a card whose blank follows another word ("end
// ____", "after ____") is preferred over one that repeats a cue already kept. Deterministic: the
// same text gives the same cards. Names are not capped: each card about a person asks another event.
// Any answer asked twice in nearly the same words ("The pact was concluded outside the ____ and
// remains in effect." / "The 1928 pact was concluded outside the ____ and remains in effect.": at
// least NEAR_SAME of their words shared) is one fact: the prompt with more words is kept.
// See docs/decisions/004-rule-based-extractor.md (2026-11-29, session 5, gen-prec).
import type { CardDraft, Fact } from "./types";

/** Cards kept per repeated date or figure (a document's restatements of one value). */
export const MAX_PER_ANSWER = 2;

/** Share of words (of the two prompts' words together) above which two prompts of one answer ask one fact. */
export const NEAR_SAME = 0.6;

const SMALL = /^(the|of|a|an|by|,)$/i;

/** The words of a prompt, without the blank, small words and the speaker's attribution. */
function wordsOf(prompt: string): Set<string> {
  const body = prompt.replace(/^[^"]{0,80}\bsaid(?: of [^:]{1,60})?: "/, "").replace(/^According to [^,]{1,60}, /, "");
  return new Set(body.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
}

function nearSame(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union > 0 && shared / union >= NEAR_SAME;
}

/** The word before the blank, small words skipped ("by the end of ____" → "end"). */
function cue(prompt: string): string {
  const before = prompt.split("____")[0].toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  while (before.length && SMALL.test(before[before.length - 1])) before.pop();
  return before[before.length - 1] ?? "";
}

/**
 * Drops the facts (and their cards) beyond MAX_PER_ANSWER whose answer is the same date or figure
 * (compared case-insensitively). `facts`/`cards`: as generated, in document order. Returns both
 * filtered, order kept.
 */
export function limitRepeats(facts: Fact[], cards: CardDraft[]): { facts: Fact[]; cards: CardDraft[] } {
  const byAnswer = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.kind !== "date" && f.kind !== "number") continue;
    const k = `${f.kind}|${f.answer.toLowerCase()}`;
    byAnswer.set(k, [...(byAnswer.get(k) ?? []), f]);
  }
  const cardsOf = new Map<string, CardDraft[]>();
  for (const c of cards) cardsOf.set(c.factKey, [...(cardsOf.get(c.factKey) ?? []), c]);
  const drop = new Set<string>();
  for (const group of byAnswer.values()) {
    if (group.length <= MAX_PER_ANSWER) continue;
    const info = group.map((f, order) => {
      const own = cardsOf.get(f.key) ?? [];
      const prompt = own.find((c) => c.type === "cloze")?.prompt ?? own[0]?.prompt ?? "";
      return { f, order, choice: own.some((c) => c.distractors.length > 0), length: prompt.length, cue: cue(prompt) };
    });
    info.sort((a, b) => Number(b.choice) - Number(a.choice) || a.length - b.length || a.order - b.order);
    const kept: typeof info = [];
    for (const x of info) if (kept.length < MAX_PER_ANSWER && !kept.some((k) => k.cue === x.cue)) kept.push(x);
    for (const x of info) if (kept.length < MAX_PER_ANSWER && !kept.includes(x)) kept.push(x);
    for (const x of info) if (!kept.includes(x)) drop.add(x.f.key);
  }
  // One answer asked twice in nearly the same words: keep the fuller prompt (then the earlier).
  const sameAnswer = new Map<string, { f: Fact; words: Set<string>; order: number }[]>();
  facts.forEach((f, order) => {
    if (drop.has(f.key)) return;
    const prompt = cardsOf.get(f.key)?.find((c) => c.type === "cloze")?.prompt;
    if (!prompt) return;
    const k = f.answer.toLowerCase();
    sameAnswer.set(k, [...(sameAnswer.get(k) ?? []), { f, words: wordsOf(prompt), order }]);
  });
  for (const group of sameAnswer.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => b.words.size - a.words.size || a.order - b.order);
    const kept: typeof group = [];
    for (const x of group) {
      if (kept.some((k) => nearSame(k.words, x.words))) drop.add(x.f.key);
      else kept.push(x);
    }
  }
  if (!drop.size) return { facts, cards };
  return { facts: facts.filter((f) => !drop.has(f.key)), cards: cards.filter((c) => !drop.has(c.factKey)) };
}
