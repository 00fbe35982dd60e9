// People a text calls by surname alone ("Herrick hosted a reception …", "since Sharp was still in
// the United States"). Narratives and histories introduce a person once (often in a part the reader
// was given earlier) and then use the bare surname; the entity rules only take full or titled
// names, so these actors had no card. A lone capitalised word is read as a person's surname only
// with evidence from the document itself, and only where it names one person.
import type { Candidate, DocContext } from "./candidate";
import { isCutSentence } from "./cards";
import { countryByDemonym, countryByName } from "./geo";
import { isCity, isCommonWord, isKnownOrganization, isOrgWord, isRoleWord } from "./lexicon";
import { isFactual, subjectStart, type Sentence, type Tok } from "./sentences";

/** Verbs only a person (or a personified speaker) is the subject of. */
const PERSON_VERBS =
  /^(said|says|noted|recalled|wrote|writes|cabled|telegraphed|told|informed|instructed|asked|replied|added|explained|remembered|thought|believed|hoped|wished|feared|resigned|married|died)$/;
/** A clause opener after which a new subject may stand ("since Sharp was …"). */
const CLAUSE_OPENERS = /^(since|when|while|because|until|after|before|as|and|but|although|though|whereas|once|if)$/;
const MONTH_OR_DAY =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** Per surname, at most this many cards: the rest of a narrative keeps using the name. */
export const MAX_PER_SURNAME = 3;

const word = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

/** A single capitalised word that could be a surname (not a place, month, role, organisation word). */
function surnameShaped(t: Tok): boolean {
  return (
    t.pos === "PROPN" &&
    word.test(t.text) &&
    !MONTH_OR_DAY.test(t.lower) &&
    !countryByName(t.text) &&
    !countryByDemonym(t.text) &&
    !isCity(t.text) &&
    !isRoleWord(t.text) &&
    !isOrgWord(t.text) &&
    !isKnownOrganization(t.lower)
  );
}

/** The verb after a subject at toks[k] (allowing two adverbs), or -1. */
function verbAfter(toks: Tok[], k: number): number {
  let j = k + 1;
  for (let n = 0; n < 2 && toks[j]?.pos === "ADV"; n++) j++;
  return toks[j] && (toks[j].pos === "VERB" || toks[j].pos === "AUX") ? j : -1;
}

/** toks[k] stands where a clause's subject stands: the main clause's start or after a clause opener. */
function subjectPosition(toks: Tok[], k: number): boolean {
  if (k === subjectStart(toks)) return true;
  // "That evening Poole was …": after a fronted demonstrative time adverbial with no comma.
  if (k === 2 && /^(that|this)$/.test(toks[0].lower) && /^(day|evening|morning|afternoon|night|week|year)$/.test(toks[1].lower)) return true;
  const prev = toks[k - 1];
  return !!prev && CLAUSE_OPENERS.test(prev.lower) && (k < 2 || toks[k - 2].text === "," || prev.pos === "SCONJ" || prev.lower === "since");
}

/**
 * Lone surnames the document shows to be people. Evidence (any one): a title right before the word
 * somewhere ("Ambassador Sharp", "Senator Blaine"); the word as the subject of a verb only people do
 * ("Herrick noted", "Bliss cabled"); or the word as a subject whose clause goes on with "his"/"her"
 * ("Poole set out for his father's house"). Refused: a word the text also writes in lower case
 * ("Page", "page"), a known common word without a title, and any word that ends or starts a full
 * name the document gives (that person's card asks for the full name; a bare "Bliss" beside
 * "Mildred Barnes Bliss" and "the Blisses" may be someone else).
 */
export function findSurnames(doc: DocContext): Set<string> {
  const evidence = new Map<string, boolean>();
  const seen = new Set<string>();
  const titled = new Set<string>();
  for (const s of doc.sentences) {
    const toks = s.tokens;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (!surnameShaped(t)) continue;
      seen.add(t.text);
      const prev = toks[k - 1];
      if (prev && prev.cap && isRoleWord(prev.text)) {
        titled.add(t.text);
        evidence.set(t.text, true);
        continue;
      }
      if (!subjectPosition(toks, k)) continue;
      const v = verbAfter(toks, k);
      if (v < 0) continue;
      if (PERSON_VERBS.test(toks[v].lower)) evidence.set(t.text, true);
      for (let j = v + 1; j < Math.min(toks.length, v + 6) && toks[j].text !== ","; j++) {
        if (/^(his|her)$/.test(toks[j].lower)) evidence.set(t.text, true);
      }
    }
  }
  const lower = new Set((doc.masked.match(/\p{Ll}+/gu) ?? []).filter((w) => w.length > 2));
  // Words of the full names the document gives (a lone word that is part of one is that person's).
  const nameWords = new Set<string>();
  for (const e of doc.entities.entities.values()) {
    if (e.type === "country") continue;
    for (const n of [e.name, ...e.variants]) if (/\s/.test(n)) for (const w of n.split(/\s+/)) nameWords.add(w);
  }
  const out = new Set<string>();
  for (const name of seen) {
    if (!evidence.get(name)) continue;
    if (lower.has(name.toLowerCase())) continue;
    if (isCommonWord(name) && !titled.has(name)) continue;
    if (nameWords.has(name)) continue;
    out.add(name);
  }
  return out;
}

/** The sentence's mentions cover toks[k] (it is part of a longer name found by the entity rules). */
function inMention(doc: DocContext, s: Sentence, k: number): boolean {
  return doc.entities.bySentence[s.index].some((m) => m.from <= k && k < m.to);
}

/**
 * Actor candidates for surnames (see findSurnames) standing as the subject of a clause:
 * "On July 28, ____ hosted a reception …" answered "Herrick". Typed answers only (no distractors of
 * the same kind are known to be people).
 */
export function extractSurnames(doc: DocContext): Candidate[] {
  const names = findSurnames(doc);
  if (!names.size) return [];
  const out: Candidate[] = [];
  const per = new Map<string, number>();
  for (const s of doc.sentences) {
    if (!isFactual(s) || isCutSentence(s.text)) continue;
    const toks = s.tokens;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (!names.has(t.text) || (per.get(t.text) ?? 0) >= MAX_PER_SURNAME) continue;
      if (inMention(doc, s, k) || !subjectPosition(toks, k) || verbAfter(toks, k) < 0) continue;
      per.set(t.text, (per.get(t.text) ?? 0) + 1);
      out.push({
        kind: "actor",
        sentence: s,
        answer: t.text,
        start: t.start,
        end: t.end,
        answerType: { t: "phrase" },
        fields: { type: "person", name: t.text, surname: true },
      });
    }
  }
  return out;
}
