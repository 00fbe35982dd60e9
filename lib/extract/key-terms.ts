// Key terms a text names with a head noun that announces a term: a concept ("the concept of a crime
// against peace", "the doctrine of collective security") and a right ("the right to appoint
// auditors", "the nation's right of self-defense"). What the text names there is a term a learner is
// meant to remember, and the blank has one answer: the term as the text writes it. For a right the
// blank takes "right" with its complement ("the ____" → "right to appoint auditors"), since the
// complement alone would be held in a frame by "right to". A mission, mandate or task with a list of
// verbs for its purpose ("a mission to train, assist and advise") asks the verbs, and a naming verb
// ("can be called an exporter of arms", "what we call soft power") asks the common noun phrase it
// names (a name after it is the name extractors' fact); "access to X" after a verb of granting or
// obtaining ("will have new access to China's services sector") asks what the access is to. Only factual
// sentences (sentences.ts isFactual); the card's statement and attribution are built like any
// sentence's (cards.ts).
// See docs/decisions/004-rule-based-extractor.md (2026-11-29, session 5, gen-r2b).
import type { Candidate, DocContext } from "./candidate";
import { isFactual, type Tok } from "./sentences";
import { vagueAnswer } from "./vague";

/** Head nouns that announce a term: "the concept of …". */
const CONCEPT = /^(concept|principle|doctrine|notion)$/;
/** Nouns whose purpose infinitive names a mandate: "a mission to train, assist and advise". */
const MANDATE = /^(mission|mandate|task|role|operation|force)$/;
/** Verbs of obtaining or granting, whose object "access to X" is what was won. */
const GRANTING = /^(have|has|had|gain|gains|gained|win|wins|won|obtain|obtains|obtained|secure|secures|secured|get|gets|got|receive|receives|received|grant|grants|granted|give|gives|gave|given|allow|allows|allowed|provide|provides|provided)$/;
/** Prepositions that may join the term's words ("crime against peace", "freedom of navigation"). */
const INNER_PP = /^(against|of|for|from)$/;
/** Longest sentence (in tokens) shown before a sentence whose subject is "This". */
const MAX_LEAD_TOKENS = 30;
/** Longest term, in words. */
const MAX_WORDS = 6;

const content = (t: Tok | undefined): boolean => !!t && /^(NOUN|ADJ|PROPN)$/.test(t.pos);

/**
 * End (exclusive) of the noun phrase at `a`: adjectives, nouns and names, hyphenated words, with at
 * most one inner preposition followed by more of them; it ends on a noun or name. Returns `a` when
 * there is none.
 */
export function termEnd(toks: Tok[], a: number): number {
  let k = a;
  let end = a;
  let pps = 0;
  while (k < toks.length) {
    const t = toks[k];
    if (content(t)) {
      k++;
      if (t.pos !== "ADJ") end = k;
      continue;
    }
    // "China's services sector": a possessive between two parts of the phrase.
    if (t.pos === "PART" && /^['’]s$/.test(t.lower) && k > a && content(toks[k + 1])) {
      k++;
      continue;
    }
    // "self-defense": a hyphen glued to both neighbours.
    if (t.text === "-" && toks[k - 1]?.end === t.start && toks[k + 1]?.start === t.end && content(toks[k + 1])) {
      k++;
      continue;
    }
    if (INNER_PP.test(t.lower) && pps === 0 && end === k && content(toks[k + 1])) {
      pps++;
      k++;
      continue;
    }
    break;
  }
  return end;
}

const wordCount = (toks: Tok[]): number => toks.filter((t) => /\p{L}/u.test(t.text) && t.pos !== "PART").length;

/** The term's token range [a, b) announced at token k, or null. */
function termAt(toks: Tok[], k: number): [number, number] | null {
  const t = toks[k];
  const prev = toks[k - 1];
  // "the concept of (a) crime against peace"
  if (CONCEPT.test(t.lower) && prev?.lower === "the" && toks[k + 1]?.lower === "of") {
    let a = k + 2;
    if (/^(a|an|the)$/.test(toks[a]?.lower ?? "")) a++;
    const b = termEnd(toks, a);
    if (b === a || !toks.slice(a, b).some((x) => x.pos === "NOUN")) return null;
    return [a, b];
  }
  // "the right to appoint auditors", "the nation's right of self-defense": right and its complement.
  if (t.lower === "right" && t.pos === "NOUN" && prev && (/^(the|its|their|our|his|her|'s|’s|'|’)$/.test(prev.lower) || prev.pos === "PROPN")) {
    const p = toks[k + 1];
    if (p?.lower === "of") {
      const b = termEnd(toks, k + 2);
      return b > k + 2 ? [k, b] : null;
    }
    if (p?.lower === "to" && toks[k + 2]?.pos === "VERB" && !/ing$|ed$/.test(toks[k + 2].lower)) {
      let a = k + 3;
      if (/^(a|an|the|its|their)$/.test(toks[a]?.lower ?? "")) a++;
      const b = termEnd(toks, a);
      return [k, b > a ? b : k + 3];
    }
  }
  // "Russia can be called an exporter of arms", "what we call soft power": what a naming verb names.
  const named = namedAfter(toks, k);
  if (named >= 0) {
    let a = named;
    if (/^(a|an|the)$/.test(toks[a]?.lower ?? "")) a++;
    // A name is the other extractors' fact; a term here is a common noun phrase.
    if (!toks[a] || toks[a].pos === "PROPN" || /^\p{Lu}/u.test(toks[a].text)) return null;
    const b = termEnd(toks, a);
    if (b === a || !toks.slice(a, b).some((x) => x.pos === "NOUN")) return null;
    return [a, b];
  }
  // "will have new access to China's services sector": access granted or won, with what it is to.
  if (t.lower === "access" && toks[k + 1]?.lower === "to") {
    let a = k;
    while (toks[a - 1]?.pos === "ADJ") a--;
    if (vagueAnswer(toks.slice(a, k + 1))) return null;
    if (!toks.slice(Math.max(0, a - 4), a).some((x) => GRANTING.test(x.lower))) return null;
    // The blank is what the access is to: "will have ____" alone could take any benefit.
    const b = termEnd(toks, k + 2);
    return b > k + 2 && toks.slice(k + 2, b).some((x) => x.pos === "NOUN") ? [k + 2, b] : null;
  }
  // "a new mission to train, assist and advise": the verbs that say what a mission is for.
  if (MANDATE.test(t.lower) && t.pos === "NOUN" && toks[k + 1]?.lower === "to") return verbListAt(toks, k + 2);
  return null;
}

/**
 * Where the term a naming verb at token `k` names starts, or -1: a passive "is/can be called / termed /
 * dubbed X", "known / referred to / described as X", and "what we / historians call X".
 */
export function namedAfter(toks: Tok[], k: number): number {
  const t = toks[k].lower;
  const be = /^(is|are|was|were|be|been|being)$/.test(toks[k - 1]?.lower ?? "");
  if (/^(called|termed|dubbed|nicknamed)$/.test(t) && be) return k + 1;
  if (/^(known|referred|described)$/.test(t) && toks[k + 1]?.lower === "as") return k + 2;
  if (/^(referred)$/.test(t) && toks[k + 1]?.lower === "to" && toks[k + 2]?.lower === "as") return k + 3;
  if (/^(call|calls|called)$/.test(t) && /^(PRON|NOUN)$/.test(toks[k - 1]?.pos ?? "") && toks[k - 2]?.lower === "what") return k + 1;
  return -1;
}

/**
 * "train, assist and advise": two or more base-form verbs joined by commas and a final "and"/"or",
 * from token `a`; the list's range, or null.
 */
export function verbListAt(toks: Tok[], a: number): [number, number] | null {
  const base = (x: Tok | undefined) => !!x && x.pos === "VERB" && !/(ing|ed)$/.test(x.lower);
  if (!base(toks[a])) return null;
  let k = a + 1;
  let verbs = 1;
  // A middle item the tagger read as a noun ("rebuild, supply and protect") is a verb of the list
  // when the list goes on after it and ends on a verb.
  const middle = (j: number) => base(toks[j]) || (toks[j]?.pos === "NOUN" && /^(,|and|or)$/.test(toks[j + 1]?.lower ?? ""));
  while (toks[k]?.text === "," && middle(k + 1)) {
    k += 2;
    verbs++;
  }
  if (!/^(and|or)$/.test(toks[k]?.lower ?? "") || !base(toks[k + 1])) return null;
  verbs++;
  k += 2;
  return verbs >= 2 ? [a, k] : null;
}

/** Key-term facts of a document, one per term (its first mention). */
export function extractKeyTerms(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const s of doc.sentences) {
    if (!isFactual(s)) continue;
    const toks = s.tokens;
    for (let k = 1; k < toks.length - 2; k++) {
      const r = termAt(toks, k);
      if (!r) continue;
      const words = toks.slice(r[0], r[1]);
      const n = wordCount(words);
      if (n === 0 || n > MAX_WORDS) continue;
      // A lone short word ("the concept of war") is guessed from the frame.
      if (n === 1 && words[0].text.length < 6) continue;
      if (vagueAnswer(words)) continue;
      const start = words[0].start;
      const end = words[words.length - 1].end;
      const answer = doc.masked.slice(start, end).replace(/\s+/g, " ");
      const key = answer.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      // "This includes the right to …": a demonstrative subject stands for the sentence before it,
      // which the card then shows first (same paragraph, short and factual), or there is no card.
      let statement: string | undefined;
      if (/^(this|these|that)$/.test(toks[0]?.lower ?? "") && /^(AUX|VERB)$/.test(toks[1]?.pos ?? "")) {
        const prev = doc.sentences[s.index - 1];
        if (!prev || s.paragraphStart || !isFactual(prev) || prev.speaker !== s.speaker || prev.tokens.length > MAX_LEAD_TOKENS || !/[.!]$/.test(prev.text.trim())) continue;
        statement = `${prev.text.trim()} ${s.text.trim()}`;
      }
      out.push({ kind: "definition", sentence: s, answer, start, end, answerType: { t: "phrase" }, fields: { keyTerm: answer }, ...(statement ? { statement } : {}) });
    }
  }
  return out;
}
