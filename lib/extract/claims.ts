// Attributed claims: what a speaker said, as a fact about what was said. A transcript's opinions
// ("I think Japan is a close partner"), first-person answers and the interviewer's premises are
// not the document's own statements, but "According to <speaker>, …" / "<Speaker> said: "…"" is
// true whatever the claim is worth. Without a known speaker such a sentence gives no card.
// See docs/decisions/004-rule-based-extractor.md (update "Attributed claims and phrase clozes").
import { subjectStart, type Sentence, type Tok } from "./sentences";
import { capitalizeFirst } from "./text";

/**
 * May a clause-level card come from this sentence? Questions, quotations of someone else's words,
 * broken sentences and sentences addressed to "you" never; opinions, first-person sentences and an
 * interviewer's statements only when the sentence's speaker is known (they will be attributed).
 */
export function claimAllowed(s: Sentence): boolean {
  if (s.question || s.fragment || s.quoted || s.secondPerson) return false;
  if ((s.opinion || s.firstPerson || s.questionTurn) && !s.speaker) return false;
  return true;
}

/**
 * The card's statement for a clause of sentence `s`: "According to John Howard, Japan is a close
 * partner." when the clause is in the third person (it may have had a pronoun resolved, so it is
 * reported, not quoted), `John Howard said: "Our ties are …"` when it keeps the speaker's own
 * first-person words (quoted verbatim, so `verbatim` must be true), and the plain clause when the
 * document speaks for itself (no speaker). `properStart`: the clause starts with a name, whose capital
 * stays after "According to X,". `about`: what a verbatim clause's leading "It" stands for, named
 * outside the quotation (`Tony Abbott said of the agreement: "It means …"`). Returns null when a
 * first-person clause is not verbatim.
 */
export function attributedStatement(s: Pick<Sentence, "speaker">, clause: string, opts: { firstPerson: boolean; verbatim: boolean; properStart?: boolean; about?: string }): string | null {
  const text = clause.replace(/\s*[.;:,–—-]*\s*$/, "");
  if (!s.speaker) return opts.firstPerson ? null : `${capitalizeFirst(text)}.`;
  const of = opts.about ? ` of ${/^(The|A|An)\b/.test(opts.about) ? opts.about.charAt(0).toLowerCase() + opts.about.slice(1) : opts.about}` : "";
  if (opts.firstPerson) return opts.verbatim ? `${capitalizeFirst(s.speaker)} said${of}: "${capitalizeFirst(text)}."` : null;
  // "The agreement" → "the agreement" after "According to X,"; a name keeps its capital.
  return `According to ${s.speaker}, ${opts.properStart ? text : text.charAt(0).toLowerCase() + text.slice(1)}.`;
}

/** Longest question, in words, that may lead into an answer's card. */
const MAX_QUESTION_WORDS = 25;

/**
 * The question a transcript answer replies to: the last sentence of the previous speaker's turn
 * when it is a question (the answer's own earlier sentences are passed over, at most six). Null
 * when the turn before is not a question, is someone's statement, or is too long to quote.
 */
export function questionBefore(doc: { sentences: Sentence[] }, s: Sentence): string | null {
  if (!s.speaker) return null;
  for (let j = s.index - 1; j >= 0 && j >= s.index - 7; j--) {
    const p = doc.sentences[j];
    if (p.speaker === s.speaker) continue;
    if (!p.question || p.fragment) return null;
    const words = p.text.split(/\s+/).length;
    return words <= MAX_QUESTION_WORDS && !/["\u201c\u201d]/.test(p.text) ? p.text : null;
  }
  return null;
}

/** `Asked "Why did you close the fishery?", Ana Duarte said: "The main reason is science."` (verbatim). */
export function answerStatement(question: string, speaker: string | null, clause: string): string | null {
  if (!speaker) return null;
  const text = clause.replace(/\s*[.;:,–—-]*\s*$/, "");
  return `Asked "${question}", ${speaker} said: "${capitalizeFirst(text)}."`;
}

/** A verb, or a third-person verb the tagger read as a plural noun ("This accord sets/NOUN a quota"). */
export const verbLike = (toks: Tok[], k: number): boolean =>
  toks[k]?.pos === "VERB" || (toks[k]?.pos === "NOUN" && /[^s]s$/.test(toks[k].lower) && /^(DET|NUM)$/.test(toks[k + 1]?.pos ?? ""));

/** Capitalised names of two or more words in a sentence ("the China–Australia Free Trade Agreement"), with their last word. */
function namesIn(toks: Tok[], masked: string): { name: string; head: string }[] {
  const out: { name: string; head: string }[] = [];
  let k = 0;
  while (k < toks.length) {
    if (!(toks[k].cap && toks[k].pos !== "DET" && /\p{L}/u.test(toks[k].text))) {
      k++;
      continue;
    }
    let e = k + 1;
    let words = 1;
    for (;;) {
      const t = toks[e];
      if (t && t.cap && /\p{L}/u.test(t.text)) {
        e++;
        words++;
      } else if (t && (/^[-–]$/.test(t.text) || /^(of|for|on|and)$/.test(t.lower)) && toks[e + 1]?.cap) e++;
      else break;
    }
    const name = masked.slice(toks[k].start, toks[e - 1].end).replace(/\s+/g, " ");
    // A name opening the sentence may be a capitalised ordinary word ("Both Australia …"): skip it.
    if (words >= 2 && k > 0) out.push({ name, head: toks[e - 1].text });
    k = e;
  }
  return out;
}

/**
 * "… signed the China–Australia Free Trade Agreement. … This agreement removes tariffs …": a subject
 * "this/that <noun>" is spelled out as the one multi-word name ending in that noun written earlier
 * in the document ("the China–Australia Free Trade Agreement"). Two different such names, or none,
 * leave it unresolved (no card will come from its subject). One pass over the document. `titleNames`
 * are agreements the document's title names (agreement-names.ts `titleAgreementNames`).
 */
export function resolveDemonstratives(sentences: Sentence[], masked: string, titleNames: string[] = []): void {
  const byHead = new Map<string, Set<string>>();
  // Names the title gives count as written before the body ("Address to the X Free Trade Agreement Signing …").
  // A treaty, pact or accord is also "this agreement".
  for (const n of titleNames) {
    for (const key of new Set([n.split(/\s+/).at(-1)!.toLowerCase(), "agreement"])) byHead.set(key, (byHead.get(key) ?? new Set()).add(n));
  }
  for (const s of sentences) {
    const toks = s.tokens;
    const a = subjectStart(toks);
    const det = toks[a];
    const noun = toks[a + 1];
    if (!s.resolved && det && noun && /^(this|that)$/.test(det.lower) && noun.pos === "NOUN" && (/^(AUX|VERB)$/.test(toks[a + 2]?.pos ?? "") || verbLike(toks, a + 2))) {
      const names = byHead.get(noun.lower);
      if (names && names.size === 1) s.resolved = { start: det.start, end: noun.end, text: `the ${[...names][0]}` };
    }
    for (const n of namesIn(toks, masked)) {
      const key = n.head.toLowerCase();
      byHead.set(key, (byHead.get(key) ?? new Set()).add(n.name));
    }
  }
}
