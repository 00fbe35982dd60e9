// Evaluative language: a sentence that judges ("undoubtedly the most powerful armies", "countries
// refractory to American domination", "it must be emphasized", "X should …") is its author's
// opinion, not a fact a document vouches for. In an interview the interviewee's plain facts stay
// facts (decision 004), but a judgement in the same turn read as a bare fact was marked false by the
// blind reader. Such a sentence is marked `opinion`: its cards name the speaker, and without a
// known speaker it gives no card (sentences.ts `isFactual`, cards.ts `attribute`).
// Also: "According to him, …" reports the person the previous sentence introduced; that sentence
// is theirs (speaker set, cards read "According to <name>, …").
// The signals are kinds of words, not phrases of one text: adverbs of certainty and stance,
// superlatives of judgement, loaded adjectives and nouns, and modal judgements.
// See docs/decisions/004-rule-based-extractor.md (2026-11-29, session 5, gen-prec).
import type { EntityIndex } from "./entities";
import type { Sentence, Tok } from "./sentences";

/** Adverbs of certainty or stance: the speaker vouches for the claim with their own judgement. */
const STANCE =
  /^(undoubtedly|doubtless|unquestionably|undeniably|indisputably|arguably|obviously|surely|fortunately|unfortunately|sadly|regrettably|thankfully|rightly|wrongly|shamefully|admittedly)$/;
/** Adjectives that judge in a superlative ("the most powerful", "the best"). */
const SUPERLATIVE_JUDGEMENT =
  /^(best|worst|greatest|finest|noblest|wisest|bravest|cruellest|cruelest|dangerous|powerful|important|beautiful|successful|influential|significant|brilliant|remarkable|impressive|effective|serious|terrible|shameful|disgraceful|admirable|valuable|promising|advanced|sophisticated|dynamic|ambitious|formidable)$/;
/** Loaded adjectives: they condemn or praise rather than describe. (Nouns such as "imperialism" are left out: a history reports others' concerns with them.) */
const LOADED =
  /^(refractory|hostile|brutal|corrupt|illegitimate|heroic|shameful|outrageous|disgraceful|absurd|ridiculous|reckless|irresponsible|incompetent|incapable|puppet|tyrannical|despotic|rogue|sinister|glorious|magnificent|disastrous|catastrophic|scandalous|pathetic|farcical|lamentable|deplorable|admirable|laudable|splendid|immense)$/;

/** "no doubt", "without (a) doubt", "of course not" …: stance phrases of two or three words. */
function stancePhrase(toks: Tok[], k: number): boolean {
  const w = (i: number) => toks[k + i]?.lower ?? "";
  if (w(0) === "no" && w(1) === "doubt") return true;
  if (w(0) === "without" && (w(1) === "doubt" || (w(1) === "a" && w(2) === "doubt"))) return true;
  // "it must be emphasized / said / stressed", "it is clear that", "it is obvious that"
  if (w(0) === "it" && w(1) === "must" && w(2) === "be") return true;
  if (w(0) === "it" && /^(is|was|'s)$/.test(w(1)) && /^(clear|obvious|evident|undeniable|regrettable|shameful|remarkable)$/.test(w(2)) && w(3) === "that") return true;
  return false;
}

/**
 * Does this sentence judge rather than report? `toks`: the sentence's body tokens. True on an
 * adverb of stance (STANCE), a stance phrase ("no doubt", "it must be emphasized", "it is clear
 * that"), a superlative of judgement ("the most powerful", "the best"), a loaded word (LOADED), or a
 * modal of obligation about a third party in a main clause ("Europe should …", "they ought to …").
 * Words in quotation marks are not read. "The second largest exporter" (a measure) is not a judgement.
 */
export function isEvaluative(toks: Tok[]): boolean {
  let quoted = false;
  let subordinate = false;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k].lower;
    // Words in quotation marks are someone else's ("should be denied the benefits"), judged by them.
    if (/^["“”]$/.test(toks[k].text)) quoted = !quoted;
    if (quoted) continue;
    if (/^(that|which|who|if|whether|unless)$/.test(t)) subordinate = true;
    if (STANCE.test(t) || LOADED.test(t) || stancePhrase(toks, k)) return true;
    if (/^(most|least)$/.test(t) && toks[k - 1]?.lower === "the" && SUPERLATIVE_JUDGEMENT.test(toks[k + 1]?.lower ?? "")) return true;
    // "the best army", "its greatest advance in …" (not the idiom "prepare for the worst").
    if (/^(best|worst|greatest|finest)$/.test(t) && /^(the|its|their|his|her)$/.test(toks[k - 1]?.lower ?? "") && (/^(NOUN|ADJ|PROPN)$/.test(toks[k + 1]?.pos ?? "") || /^(in|of|ever)$/.test(toks[k + 1]?.lower ?? ""))) return true;
    // "Europe should pay": a main clause's obligation ("… has been clear that any deal should …" reports a position).
    if (!subordinate && (t === "should" || (t === "ought" && toks[k + 1]?.lower === "to")) && !/^(i|we|you)$/.test(toks[k - 1]?.lower ?? "")) return true;
  }
  return false;
}

/** Marks evaluative sentences (see `isEvaluative`) as opinions. Mutates `sentences`. */
export function markEvaluative(sentences: Sentence[]): void {
  for (const s of sentences) if (!s.question && !s.opinion && isEvaluative(s.tokens)) s.opinion = true;
}

/**
 * "X is a political scientist … According to him, Moscow has …": a sentence that opens with
 * "According to him/her" is the claim of the person the previous sentence starts with (a person's
 * full name as its first words). Sets that sentence's speaker to the name and marks it `reported`
 * (its cards read "According to X, …"). A sentence with a speaker already, or a previous sentence
 * that does not start with a person's name, is left alone. Mutates `sentences`.
 */
export function attributeReported(sentences: Sentence[], masked: string, entities: EntityIndex): void {
  for (let i = 1; i < sentences.length; i++) {
    const s = sentences[i];
    if (s.speaker) continue;
    if (!/^\W*according\s+to\s+(him|her)\b/i.test(masked.slice(s.start, s.bodyStart + 1))) continue;
    const prev = sentences[i - 1];
    const first = entities.bySentence[prev.index]?.[0];
    if (!first || first.type !== "person" || first.from !== 0) continue;
    const name = entities.entities.get(first.entityId)?.name;
    if (!name || !name.includes(" ")) continue;
    s.speaker = name;
    s.opinion = true;
    s.reported = true;
  }
}
