// Numbers with what they measure: counts ("3,000 soldiers"), percentages ("80% of the
// electricity"), money, durations ("ten years") and ranks ("the second largest exporter").
import type { Candidate, DocContext } from "./candidate";
import { isYear } from "./dates";
import { isUnitWord } from "./lexicon";
import { isFactual, type Sentence, type Tok } from "./sentences";
import { ordinalValue, parseNumber } from "./text";

const DURATION_UNITS = /^(years?|months?|weeks?|days?|decades?|centuries|century|hours?|minutes?)$/;
const SUPERLATIVE = /^(most|least|biggest|largest|best|worst)$|[a-z]{2,}est$/;
const RANK_VERBS = /^(ranked|ranks|rank|came|comes|finished|finishes|placed|is|was|became|remains)$/;
const VAGUE = /^(several|many|few|some|recent|a|the|past|last|next|coming|over|following|those|these|about|around|nearly|almost|roughly|approximately|some|up|to|more|less|than|at|least|most|just|only|under)$/;

interface NumberHit {
  from: number;
  to: number;
  value: number;
  unit: string;
  format: "plain" | "percent" | "money" | "ordinal" | "duration";
  style: "digits" | "words";
  measures: string;
}

function words(masked: string, toks: Tok[], a: number, b: number): string {
  return a < b ? masked.slice(toks[a].start, toks[b - 1].end).replace(/\s+/g, " ") : "";
}

/** "of the electricity in Argentina" after a percentage: up to the verb. */
function ofPhrase(masked: string, toks: Tok[], at: number): string {
  if (toks[at]?.lower !== "of") return "";
  let e = at + 1;
  while (e < toks.length && e - at < 10 && !/^(VERB|AUX|PUNCT)$/.test(toks[e].pos)) e++;
  return words(masked, toks, at + 1, e);
}

/**
 * A counted noun right after the number: "3,000 soldiers", "5 million barrels of oil". A unit of
 * measure ("12,500 tonnes", "2.4 gigawatt-hours") belongs to the answer: `unitTo` marks its end.
 * "from 1,850 to about 2,500 employees" gives the first number the noun of the second.
 */
function countedNoun(toks: Tok[], at: number): { noun: string; to: number; unitTo: number | null } | null {
  // "17 or so world leaders": the hedge sits between the number and its noun.
  if (toks[at]?.lower === "or" && toks[at + 1]?.lower === "so") {
    const after = countedNoun(toks, at + 2);
    return after ? { ...after, unitTo: null } : null;
  }
  if (isUnitWord(toks[at]?.text ?? "")) {
    let e = at + 1;
    if (toks[e]?.text === "-" && /^\p{L}+$/u.test(toks[e + 1]?.text ?? "") && toks[e].start === toks[at].end) e += 2;
    return { noun: toks.slice(at, e).map((t) => t.lower).join(""), to: e, unitTo: e };
  }
  let e = at;
  while (e < toks.length && toks[e].pos === "ADJ" && e - at < 2) e++;
  if (toks[e] && (toks[e].pos === "NOUN" || toks[e].pos === "PROPN") && /\p{L}/u.test(toks[e].text)) {
    return { noun: toks[e].lower, to: e + 1, unitTo: null };
  }
  if (/^(to|and|-|–)$/.test(toks[at]?.lower ?? "")) {
    let k = at + 1;
    while (k < toks.length && k - at < 4 && (!toks[k].ent || !/CARDINAL|MONEY/.test(toks[k].ent!))) k++;
    const id = toks[k]?.entId;
    while (k < toks.length && toks[k].entId === id && id !== -1) k++;
    const next = k < toks.length && k - at < 6 ? countedNoun(toks, k) : null;
    if (next) return { noun: next.noun, to: at, unitTo: null };
  }
  return null;
}

const MEASURE_NOUNS =
  /^(population|total|budget|area|length|height|depth|workforce|capacity|turnover|revenues?|sales|output|production|debt|deficit|cost|price|value|salary|income|profits?|staff|membership|audience|circulation|attendance)$/;

/** "a population of a little over 30,000": the number measures the noun before "of". */
function measuredBefore(toks: Tok[], at: number): { noun: string; to: number; unitTo: number | null } | null {
  let k = at - 1;
  while (k > 0 && (VAGUE.test(toks[k].lower) || toks[k].lower === "little")) k--;
  if (toks[k]?.lower !== "of" || !MEASURE_NOUNS.test(toks[k - 1]?.lower ?? "")) return null;
  let to = at;
  while (to < toks.length && toks[to].entId === toks[at].entId && toks[at].entId !== -1) to++;
  return { noun: toks[k - 1].lower, to, unitTo: null };
}

/** A list of `n` items right after the count makes the count trivial ("two axes: A and B"). */
function enumerated(s: Sentence, at: number, n: number, listSizes: number[]): boolean {
  if (n > 10) return false;
  const rest = s.tokens.slice(at);
  if (rest.some((t) => t.text === ":")) return true;
  return listSizes.includes(n);
}

function numberHits(s: Sentence, doc: DocContext, listSizes: number[]): NumberHit[] {
  const toks = s.tokens;
  const out: NumberHit[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.ent || seen.has(t.entId)) continue;
    if (!/^(CARDINAL|PERCENT|MONEY|ORDINAL|DURATION)$/.test(t.ent)) continue;
    seen.add(t.entId);
    let to = i;
    while (to < toks.length && toks[to].entId === t.entId) to++;
    let from = i;
    while (from < to && VAGUE.test(toks[from].lower)) from++;
    if (from >= to) continue;
    // "€1.35 billion": wink leaves some currency symbols outside the number.
    let ent = t.ent;
    if (ent === "CARDINAL" && /^[$€£¥]$/.test(toks[from - 1]?.text ?? "")) {
      from--;
      ent = "MONEY";
    }
    const span = words(doc.masked, toks, from, to);
    const style = /\d/.test(span) ? "digits" : "words";
    if (ent === "PERCENT") {
      const value = parseNumber(span);
      if (Number.isNaN(value)) continue;
      out.push({ from, to, value, unit: "%", format: "percent", style, measures: ofPhrase(doc.masked, toks, to) });
    } else if (ent === "MONEY") {
      const value = parseNumber(span);
      if (Number.isNaN(value)) continue;
      const currency = span.match(/[$€£¥]/)?.[0] ?? span.split(" ").slice(-1)[0].toLowerCase();
      out.push({ from, to, value, unit: currency, format: "money", style, measures: "" });
    } else if (ent === "ORDINAL") {
      const value = ordinalValue(span);
      const next = toks[to];
      const before = toks[from - 1];
      const ranked = next && SUPERLATIVE.test(next.lower) && (next.pos === "ADJ" || next.pos === "ADV");
      const rankVerb = before?.lower === "the" && RANK_VERBS.test(toks[from - 2]?.lower ?? "") && next?.lower === "place";
      if (Number.isNaN(value) || !(ranked || rankVerb)) continue;
      let e = to + 1;
      while (e < toks.length && !/^(PUNCT|VERB|AUX)$/.test(toks[e].pos) && e - to < 8) e++;
      out.push({ from, to, value, unit: "rank", format: "ordinal", style: "words", measures: words(doc.masked, toks, to, e) });
    } else if (ent === "DURATION") {
      const unitTok = toks[to - 1];
      const value = parseNumber(words(doc.masked, toks, from, to - 1));
      // "One day we will …", "a year": one unit is a way of speaking, not a figure to learn.
      if (!DURATION_UNITS.test(unitTok.lower) || Number.isNaN(value) || value === 1 || to - from < 2) continue;
      out.push({ from, to, value, unit: unitTok.lower.replace(/s$/, ""), format: "duration", style, measures: "" });
    } else {
      if (span.length === 4 && isYear(span)) continue;
      const value = parseNumber(span);
      if (Number.isNaN(value) || value === 1 || value === 0) continue;
      const noun = countedNoun(toks, to) ?? measuredBefore(toks, i);
      if (!noun) continue;
      if (DURATION_UNITS.test(noun.noun)) {
        out.push({ from, to: noun.to, value, unit: noun.noun.replace(/s$/, ""), format: "duration", style, measures: "" });
        continue;
      }
      if (style === "words" && enumerated(s, to, value, listSizes)) continue;
      // "the two companies", "both sides": a count used to point back, not to inform.
      if (style === "words" && /^(the|both|these|those|its|their|our|his|her|all)$/.test(toks[from - 1]?.lower ?? "")) continue;
      out.push({ from, to: noun.unitTo ?? to, value, unit: noun.noun, format: "plain", style, measures: noun.noun });
    }
  }
  return out;
}

export function extractNumbers(doc: DocContext, listSizesOf: (s: Sentence) => number[]): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    if (!isFactual(s)) continue;
    for (const h of numberHits(s, doc, listSizesOf(s))) {
      const first = s.tokens[h.from];
      const last = s.tokens[h.to - 1];
      const answer = doc.masked.slice(first.start, last.end).replace(/\s+/g, " ");
      out.push({
        kind: "number",
        sentence: s,
        answer,
        start: first.start,
        end: last.end,
        answerType: { t: "number", value: h.value, unit: h.unit, style: h.style, format: h.format },
        fields: { value: h.value, unit: h.unit, format: h.format, measures: h.measures || undefined },
      });
    }
  }
  return out;
}
