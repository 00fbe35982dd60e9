// Automatic checks for cards a learner could not use: the kinds of fault listed in issue 11
// (pronoun or first-person subject, speaker label, stage note, bullet or Markdown, doubled
// word, the answer left in its own prompt, a broken true/false perturbation). Pure; used by
// `npm run eval:cards` to count malformed cards and by tests. A guide, not a judge: a card
// that passes can still be wrong, and the figure that counts is read by hand.
import type { QuizItem } from "./views";
import { otherForm } from "./cards";
import { indefiniteFor, takesThe } from "./false-statements";
import { MAX_CLOZE_CHARS } from "./trim";
import { hasUnresolvedReference } from "./references";

export type MalformedReason =
  | "pronoun-subject"
  | "first-person"
  | "speaker-label"
  | "stage-note"
  | "markdown"
  | "doubled-word"
  | "answer-in-prompt"
  | "broken-perturbation"
  | "article"
  | "too-long"
  | "answer-form-in-prompt"
  | "unresolved-reference";

/** A prompt longer than this (the cloze limit plus a speaker's attribution) cannot be held in mind. */
export const MAX_PROMPT_CHARS = MAX_CLOZE_CHARS + 50;

// Subject pronouns at the start of a statement or right after a question's auxiliary.
const LEAD = /^(?:(?:when|where|what|who|whom|which|how many|how much|why|in what year|in which year)\s+)?(?:(?:did|does|do|was|were|is|are|has|have|had|will|would|could|can)\s+)?/i;
// "That evening …", "This morning …" open with a time adverbial, not a pronoun subject (as in sentences.ts).
const PRONOUN_START = /^(he|she|it|they|this|that|these|those|his|her|its|their)\b(?!\s*-)(?!\s+(?:same\s+)?(?:day|evening|morning|afternoon|night|week|weekend|month|year|summer|winter|spring|autumn)\b)/i;
const EXPLETIVE_IT = /^it\s+(?:is|was)\s+\p{L}+\s+that\s+(?!(?:it|he|she|they|this|these|those)\b)/iu;
const FIRST_PERSON = /(^|[^\p{L}'])(i|we|us|our|ours|my|me|mine|myself|ourselves)(?![\p{L}'])/iu;
const SPEAKER = /(^|[.?!]\s+)(?:[A-Z][A-Z .'-]{1,30}|Q|A):\s/;
const STAGE = /\[[^\]]*\]|\((?:inaudible|laughter|applause|crosstalk|unclear|indistinct|ends|end)\)/i;
// An editor's insertion inside a quotation (cards.ts `bracketed`): a resolved time ("[on ____]",
// "[On June 17, 2015]") or a named referent ("[the agreement]"), not a transcript's stage note.
const EDITORIAL = /\[(?:[^\]]*(?:____|\d)[^\]]*|(?:the|this)\s+\p{L}[^\]]*)\]/giu;
const MARKDOWN = /(^|\n)\s*(?:[-*•▪►]|#{1,6}|\d+[.)])\s|\*\*|__|`|^\s*>/;
const DOUBLED = /(?<![\p{L}\p{N}])(\p{L}{2,})\s+\1(?![\p{L}\p{N}])/iu;
// "a eleven", "a eighty", "a array": the article no longer fits the swapped word ("a one-year" is fine).
const BAD_ARTICLE = /(?<![\p{L}'])a\s+(?:eleven|eight|[aei]|o(?!ne))[\p{L}-]*/iu;
const ONE_PLURAL = /(?<![\p{L}\d.,])(?:one|1)\s+(?:months|years|days|weeks|countries|nations|people|times|per cents?|percent)\b/iu;

// "the NATO will …": a word-like acronym used as a noun takes no article ("the NATO summit" is fine).
const THE_ACRONYM = /\bthe\s+([A-Z]{2,7})(?=\s+(?:will|is|was|has|have|had|would|can|could|did|does|and|or)\b|[,.;:])/g;
// "a 8-year", "an 20-year", "a EU": the article does not fit the number or initialism after it.
const INDEFINITE = /(?<![\p{L}'])(a|an|A|An)\s+(\d[\d,.]*|[A-Z]{2,7}(?![\p{Ll}]))/gu;

function articleBroken(text: string): boolean {
  for (const m of text.matchAll(THE_ACRONYM)) if (!takesThe(m[1])) return true;
  for (const m of text.matchAll(INDEFINITE)) if (m[1].toLowerCase() !== indefiniteFor(m[2])) return true;
  return false;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** The reasons a quiz item is malformed ([] when none of the automatic checks fire). */
export function malformedReasons(item: QuizItem, trueStatement?: string): MalformedReason[] {
  const out = new Set<MalformedReason>();
  const text = item.prompt;
  const body = /\?\s*$/.test(text) ? text.replace(LEAD, "") : text;
  // "It was agreed that the bridge would …": an expletive "it" points forward to a named subject (sentences.ts `innerIt`).
  if (PRONOUN_START.test(body.trim()) && !EXPLETIVE_IT.test(body.trim())) out.add("pronoun-subject");
  // First person outside quotation marks: "we" of an unnamed speaker.
  // A reporter's frame ("this is what we learned") is not a first-person subject (as in sentences.ts).
  if (FIRST_PERSON.test(text.replace(/"[^"]*"/g, "").replace(/\b(we|I)( have| were)? (learned|learnt|heard|reported|understand|understood|know|knew|saw|read|noted|told)\b/gi, ""))) out.add("first-person");
  if (SPEAKER.test(text)) out.add("speaker-label");
  if (STAGE.test(text.replace(/\[…\]/g, "").replace(EDITORIAL, ""))) out.add("stage-note");
  if (MARKDOWN.test(text.replace(/____/g, "…"))) out.add("markdown");
  // "that that" and "had had" can be grammatical.
  const doubled = DOUBLED.exec(text.replace(/____/g, "\u2026"));
  if (doubled && !/^(that|had)$/i.test(doubled[1])) out.add("doubled-word");
  if (item.type === "cloze" || item.type === "question" || item.type === "multiple-choice") {
    const a = norm(item.answer);
    if (a.length > 2 && !/^\d{1,2}$/.test(a) && ` ${norm(text)} `.includes(` ${a} `)) out.add("answer-in-prompt");
  }
  if (articleBroken(text)) out.add("article");
  if (item.type !== "true-false" && hasUnresolvedReference(text)) out.add("unresolved-reference");
  if (item.type !== "true-false" && text.length > MAX_PROMPT_CHARS) out.add("too-long");
  // The answer's acronym or expansion elsewhere in the prompt; an acronym's definition card names the
  // acronym beside the blank on purpose ("The ____ (NAO) …", "the OAS, the ____", "What does OAS stand for?").
  if (item.type !== "true-false" && !/stand for\?$/.test(text)) {
    const rest = text.replace(/\(?\b[A-Z&]{2,7}\)?,?\s*(?:the\s+)?____|____\s*\(\s*[A-Z&]{2,7}\s*\)/g, " ").replace(/____/g, " ");
    if (otherForm(rest, item.answer)) out.add("answer-form-in-prompt");
  }
  if (item.type === "true-false" && item.answer === "false") {
    if (BAD_ARTICLE.test(text) || ONE_PLURAL.test(text) || (trueStatement !== undefined && norm(trueStatement) === norm(text))) {
      out.add("broken-perturbation");
    }
  }
  return [...out];
}
