// Names cut before their tail. Many names of bodies end in "in/of/for <Place or Name>" ("the
// Facility for Refugees in Turkey", "the Bank of Central African States"); when the entity rules stop
// a name before that tail, the blank asks for half a name and the tail, left after the blank, reads
// as the rest of the sentence ("commitments for the ____ in Turkey"). Such an answer takes its tail
// back (the answer becomes the whole name, asked as a phrase: no options from other names). People ("Prime Minister ____ of Denmark") and countries are not cut names: their
// "of X" is a separate phrase.
// See docs/decisions/004-rule-based-extractor.md (2026-11-29, session 5, gen-prec).
import type { Candidate } from "./candidate";

const TAIL = /^\s+(?:in|of|for)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+|and\s+)?\p{Lu}[\p{L}'’-]*)*/u;

/**
 * Is the name answer `answer`, which ends at offset `end` of `masked`, followed by an
 * "in/of/for <Capitalised word>" tail that belongs to it? Only names of two or more capitalised
 * words ending on a capitalised word count (a single word such as "NATO in Europe" is whole).
 * `type`: the answer entity's type, when known ("person" and "country" are never cut).
 */
export function cutBeforeTail(masked: string, end: number, answer: string, type?: string): boolean {
  return tailAfter(masked, end, answer, type) !== "";
}

/** The tail that belongs to the name (see `cutBeforeTail`): " in Turkey", or "" when there is none. */
export function tailAfter(masked: string, end: number, answer: string, type?: string): string {
  if (type === "person" || type === "country") return "";
  const words = answer.trim().split(/\s+/);
  if (words.filter((w) => /^\p{Lu}/u.test(w)).length < 2 || !/^\p{Lu}/u.test(words[words.length - 1])) return "";
  return TAIL.exec(masked.slice(end, end + 80))?.[0] ?? "";
}

/**
 * The candidate with its name's tail taken back ("… Facility for Refugees" + " in Turkey"), asked as
 * a phrase; the candidate itself when no tail is cut off. A restated fact (`statement`) is left alone.
 */
export function withTail(c: Candidate, masked: string, type?: string): Candidate {
  if (c.statement || c.end <= c.start) return c;
  const tail = tailAfter(masked, c.end, c.answer, type);
  if (!tail) return c;
  return { ...c, answer: `${c.answer} ${tail.trim()}`.replace(/\s+/g, " "), end: c.end + tail.length, answerType: { t: "phrase" } };
}
