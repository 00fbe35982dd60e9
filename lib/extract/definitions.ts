// Definitions: what a named thing is, consists of or rests on; counted lists ("two axes:
// security and energy"); acronym expansions ("the OAS, the Organization of American States").
import type { Candidate, DocContext } from "./candidate";
import { acronymExpansionIn } from "./entities";
import { leadingNumber } from "./text";
import { isFactual, subjectStart, type Sentence, type Tok } from "./sentences";

const CONSISTS: string[][] = [
  ["consists", "of"], ["consisted", "of"], ["is", "made", "up", "of"], ["is", "composed", "of"], ["comprises"],
  ["rests", "on"], ["rest", "on"], ["is", "based", "on"], ["are", "based", "on"], ["relies", "on"],
  ["is", "built", "on"], ["revolves", "around"], ["is", "centred", "on"], ["is", "centered", "on"],
];
const PURPOSE_NOUNS =
  /^(strategy|goal|aim|objective|activity|priority|project|mission|role|ambition|purpose|focus|task|plan|interest|specialty|speciality|business)$/;
const NAMED = new Set(["country", "org", "person", "city", "demonym"]);

function slice(doc: DocContext, toks: Tok[], a: number, b: number): string {
  return a < b ? doc.masked.slice(toks[a].start, toks[b - 1].end).replace(/\s+/g, " ") : "";
}

/** End of a noun phrase: the next clause boundary, relative pronoun or conjunction of reason. */
function npEnd(toks: Tok[], a: number): number {
  let e = a;
  while (e < toks.length && !/^[,;:.!?(]$/.test(toks[e].text) && !/^(because|since|although|while|whereas|which|who|but)$/.test(toks[e].lower)) e++;
  return e;
}

function hasNamed(doc: DocContext, s: Sentence, a: number, b: number): boolean {
  return doc.entities.bySentence[s.index].some((m) => NAMED.has(m.type) && m.from >= a && m.to <= b);
}

function candidate(doc: DocContext, s: Sentence, a: number, e: number, fields: Record<string, unknown>, question?: string): Candidate {
  const toks = s.tokens;
  return {
    kind: "definition",
    sentence: s,
    answer: slice(doc, toks, a, e),
    start: toks[a].start,
    end: toks[e - 1].end,
    answerType: { t: "phrase" },
    fields,
    question,
  };
}

function countValue(t: Tok | undefined): number {
  if (!t) return NaN;
  if (/^\d+$/.test(t.text)) return Number(t.text);
  return leadingNumber(t.lower)?.value ?? NaN;
}

/** "on two axes: security and energy" -> the items after the colon, when they number the count. */
function countedList(doc: DocContext, s: Sentence): Candidate | null {
  const toks = s.tokens;
  const colon = toks.findIndex((t) => t.text === ":");
  if (colon < 0) return null;
  for (let i = 0; i < colon; i++) {
    const n = countValue(toks[i]);
    if (!(n >= 2 && n <= 8)) continue;
    let h = i + 1;
    while (h < colon && toks[h].pos === "ADJ") h++;
    const noun = toks[h];
    if (!noun || noun.pos !== "NOUN" || !/s$/.test(noun.lower) || colon - h > 20) continue;
    // Items: short phrases joined by commas / "and" / "or", ending at ", but", "." or end.
    const items: [number, number][] = [];
    let a = colon + 1;
    let k = a;
    for (; k <= toks.length; k++) {
      const t = toks[k];
      const sep = !t || /^[,;.]$/.test(t.text) || /^(and|or)$/.test(t.lower);
      if (!sep) continue;
      if (k === a) break;
      items.push([a, k]);
      if (!t || /^[;.]$/.test(t.text)) break;
      if (t.text === "," && /^(but|as|which|while)$/.test(toks[k + 1]?.lower ?? "")) break;
      a = k + 1;
      if (toks[a] && /^(and|or)$/.test(toks[a].lower)) a++;
      k = a - 1;
    }
    if (items.length !== n || items.some(([x, y]) => y - x > 4 || s.tokens.slice(x, y).some((t) => t.pos === "VERB"))) return null;
    const last = items[items.length - 1];
    const term = slice(doc, toks, i, h + 1);
    return candidate(doc, s, items[0][0], last[1], { term, items: items.map(([x, y]) => slice(doc, toks, x, y)) });
  }
  return null;
}

function consistsOf(doc: DocContext, s: Sentence): Candidate | null {
  const toks = s.tokens;
  for (let i = 1; i < toks.length; i++) {
    const pat = CONSISTS.find((p) => p.every((w, k) => toks[i + k]?.lower === w));
    if (!pat || !hasNamed(doc, s, 0, i)) continue;
    let a = i + pat.length;
    // "consists of building a multipolar world": the answer is what is built.
    if (/ing$/.test(toks[a]?.lower ?? "") && /^(DET|ADJ|NUM|PRON)$/.test(toks[a + 1]?.pos ?? "")) a++;
    const e = npEnd(toks, a);
    if (e - a < 1 || e - a > 8) return null;
    return candidate(doc, s, a, e, { term: slice(doc, toks, 0, i), relation: pat.join(" ") });
  }
  return null;
}

/** "Russia's main strategy ... is to challenge X", "The main activity of Russia is consulting". */
function purposeIs(doc: DocContext, s: Sentence): Candidate | null {
  const toks = s.tokens;
  const cop = toks.findIndex((t, k) => k > 1 && k <= 10 && /^(is|was)$/.test(t.lower));
  if (cop < 0 || !toks.slice(0, cop).some((t) => PURPOSE_NOUNS.test(t.lower))) return null;
  if (toks.slice(0, cop).some((t) => t.text === "," || t.pos === "VERB")) return null;
  if (!hasNamed(doc, s, 0, cop)) return null;
  if (/^(not|also|no)$/.test(toks[cop + 1]?.lower ?? "")) return null;
  // "is of course the collective defence of …": the hedge is not part of the answer.
  const a = toks[cop + 1]?.lower === "of" && toks[cop + 2]?.lower === "course" ? cop + 3 : cop + 1;
  const e = npEnd(toks, a);
  if (e - a < 1 || e - a > 10) return null;
  return candidate(doc, s, a, e, { term: slice(doc, toks, 0, cop) });
}

/** Acronym expansions, once per acronym: the sentence that first spells it out. */
function acronyms(doc: DocContext, s: Sentence, done: Set<string>): Candidate | null {
  for (const x of acronymExpansionIn(s.tokens, doc.masked)) {
    if (done.has(x.acronym)) continue;
    done.add(x.acronym);
    const org = [...doc.entities.entities.values()].find((e) => e.acronym === x.acronym);
    return {
      kind: "definition",
      sentence: s,
      answer: x.expansion,
      start: s.tokens[x.from].start,
      end: s.tokens[x.to - 1].end,
      answerType: org ? { t: "entity", entityId: org.id } : { t: "phrase" },
      fields: { term: x.acronym, expansion: x.expansion },
      question: `What does ${x.acronym} stand for?`,
    };
  }
  return null;
}

/** "EEA stands for European Economic Area". */
function standsFor(doc: DocContext, s: Sentence, done: Set<string>): Candidate | null {
  const toks = s.tokens;
  for (let i = 0; i + 3 < toks.length; i++) {
    if (!/^[A-Z][A-Z&-]{1,7}$/.test(toks[i].text) || !/^(stands|stood)$/.test(toks[i + 1].lower) || toks[i + 2].lower !== "for") continue;
    let e = i + 3;
    while (e < toks.length && (toks[e].cap || (/^(of|for|and|the|on|in|-)$/.test(toks[e].lower) && toks[e + 1]?.cap))) e++;
    if (e - i - 3 < 2 || done.has(toks[i].text)) return null;
    done.add(toks[i].text);
    return candidate(doc, s, i + 3, e, { term: toks[i].text, expansion: slice(doc, toks, i + 3, e) }, `What does ${toks[i].text} stand for?`);
  }
  return null;
}

const GENUS_ARTICLE = /^(a|an|the)$/;

/** End of a defining phrase: a clause boundary, or "and" / "but" starting a new verb phrase. */
function definitionEnd(toks: Tok[], a: number): number {
  let e = a;
  while (e < toks.length && !/^[,;:.!?]$/.test(toks[e].text)) {
    if (/^(and|but)$/.test(toks[e].lower) && /^(VERB|AUX)$/.test(toks[e + 1]?.pos ?? "")) break;
    e++;
  }
  while (e > a && /^(CCONJ|ADP|DET|SCONJ)$/.test(toks[e - 1].pos)) e--;
  return e;
}

/**
 * "Wastewater-based epidemiology is a method that measures ...", "The VS-Grid 4 is a containerised
 * battery unit that ...": a short noun-phrase subject defined by a class and what sets it apart.
 */
function genusDifferentia(doc: DocContext, s: Sentence): Candidate | null {
  const toks = s.tokens;
  const start = subjectStart(toks);
  // "Åland (in Finnish, Ahvenanmaa) is ...": a parenthesis inside the subject is set aside.
  const inParens = new Set<number>();
  for (let k = start, depth = 0; k < toks.length && k - start < 16; k++) {
    if (toks[k].text === "(") depth++;
    if (depth > 0) inParens.add(k);
    if (toks[k].text === ")") depth = Math.max(0, depth - 1);
  }
  const cop = toks.findIndex((t, k) => k > start && k - start - [...inParens].filter((p) => p < k).length <= 5 && !inParens.has(k) && /^(is|are)$/.test(t.lower));
  if (cop < 0 || !GENUS_ARTICLE.test(toks[cop + 1]?.lower ?? "")) return null;
  const subj = toks.slice(start, cop).filter((t, k) => !inParens.has(start + k));
  // "Wastewater-based epidemiology": a participle joined by a hyphen is part of the noun phrase.
  const hyphenated = (t: Tok, k: number) => subj[k - 1]?.text === "-" && subj[k - 1].end === t.start;
  if (subj.some((t, k) => (!/^(DET|ADJ|NOUN|PROPN|NUM|PUNCT)$/.test(t.pos) && !hyphenated(t, k)) || /^(it|this|that|these|those|there|[,(])$/.test(t.lower)))
    return null;
  if (!subj.some((t) => t.pos === "NOUN" || t.pos === "PROPN")) return null;
  if (subj[0] && /^(this|that|these|those|such)$/.test(subj[0].lower)) return null;
  // People are actors (a name and a role), not definitions.
  if (doc.entities.bySentence[s.index].some((m) => m.type === "person" && m.from >= start && m.to <= cop)) return null;
  const e = definitionEnd(toks, cop + 1);
  const np = toks.slice(cop + 1, e);
  if (np.length < 3 || np.length > 16 || !np.some((t) => t.pos === "NOUN")) return null;
  // A definition names the class and what sets it apart ("a method that ...", "the set of ...");
  // "Swedish is the only official language" leans on context for the rest.
  const head = np.findIndex((t) => t.pos === "NOUN");
  if (!np.slice(head + 1).some((t) => /^(that|which|who|whose|of|for|used|found|where|with|from)$/.test(t.lower))) return null;
  if (np.some((t) => /^(not|no|never)$/.test(t.lower))) return null;
  return candidate(doc, s, cop + 1, e, { term: subj.map((t) => t.text).join(" ").replace(/ - /g, "-") });
}

export function extractDefinitions(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  const done = new Set<string>();
  for (const s of doc.sentences) {
    if (!isFactual(s)) continue;
    const acr = acronyms(doc, s, done) ?? standsFor(doc, s, done);
    if (acr) out.push(acr);
    const c = consistsOf(doc, s) ?? purposeIs(doc, s) ?? countedList(doc, s) ?? genusDifferentia(doc, s);
    if (c) out.push(c);
  }
  return out;
}
