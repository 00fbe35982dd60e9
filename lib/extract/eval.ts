// Coverage of a gold list of facts by generated cards (pure; shared by scripts/eval-cards.ts
// and the tests). A card covers a gold fact when its answer matches the gold answer and its
// source sentence is the one the gold fact paraphrases.
import { stripAccents } from "./text";

export interface GoldFact {
  id: string;
  type: string;
  answer: string;
  fact: string;
}

export interface EvalCard {
  type: string;
  prompt: string;
  answer: string;
  accepted?: string[];
  source: string;
}

export interface GoldResult {
  gold: GoldFact;
  covering: EvalCard[];
}

export interface EvalReport {
  results: GoldResult[];
  covered: number;
  total: number;
}

/** Minimum share of the shorter text's content words found in the other. */
export const SOURCE_OVERLAP = 0.5;

export function parseGoldTsv(tsv: string): GoldFact[] {
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 0) return [];
  const header = lines[0].split("\t").map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [ci, ct, ca, cf] = [col("id"), col("type"), col("answer"), col("fact")];
  if ([ci, ct, ca, cf].some((c) => c < 0)) throw new Error("gold TSV needs the columns id, type, answer, fact");
  return lines.slice(1).map((l) => {
    const cells = l.split("\t");
    return { id: cells[ci]?.trim() ?? "", type: cells[ct]?.trim() ?? "", answer: cells[ca]?.trim() ?? "", fact: cells[cf]?.trim() ?? "" };
  });
}

/** Case, accents, punctuation, thousands separators and "percent" do not matter. */
export function normalizeAnswer(s: string): string {
  return stripAccents(s)
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/(\d)[,\s](?=\d{3}\b)/g, "$1")
    .replace(/\s*(per ?cent|percent)\b/g, "%")
    .replace(/[^\p{L}\p{N}%\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(the|a|an) /, "")
    // "almost 170 years" asks the same as "170 years".
    .replace(/^(almost|about|around|nearly|roughly|approximately|some|over|more than|less than|at least|up to|a little over) /, "");
}

export function answerItems(s: string): string[] {
  return s
    .split(/\s*[,;&]\s*|\s+(?:and|or)\s+/i)
    .map(normalizeAnswer)
    .filter(Boolean);
}

const STOP = new Set(
  "a an the of to in on at by for with from and or but is are was were be been being has have had it its this that these those which who whom as into than then so not no may can will would should could also there their they he she his her him we our i you".split(
    " ",
  ),
);

/** Content words, lightly stemmed so "signed"/"sign" and "partnerships"/"partnership" meet. */
export function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of normalizeAnswer(s).split(" ")) {
    if (!w || STOP.has(w)) continue;
    let x = w.replace(/'s$/, "");
    if (x.length > 4) x = x.replace(/(ies)$/, "y").replace(/(ing|ed|es|s)$/, "");
    out.add(x);
  }
  return out;
}

function sameItems(a: string, b: string): boolean {
  const x = answerItems(a);
  const y = answerItems(b);
  if (x.length < 2 || x.length !== y.length) return false;
  return x.every((i) => y.includes(i));
}

/** Long answers ("Russian submarines may use Venezuelan ports") match on their content words. */
function samePhrase(a: string, b: string): boolean {
  const x = contentWords(a);
  const y = contentWords(b);
  if (x.size < 3 || y.size < 3) return false;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.max(x.size, y.size) >= 0.8;
}

/**
 * The gold list resolves implied dates in parentheses ("last year (2014)", "June 28 (1914)"):
 * a card may ask for the words the text writes or for the date they stand for.
 */
export function goldForms(gold: string): string[] {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(gold);
  if (!m || !m[1]) return [gold];
  return [gold, m[1], m[2], `${m[1]} ${m[2]}`];
}

export function answerMatches(cardAnswer: string, gold: string, accepted: string[] = []): boolean {
  return goldForms(gold).some((form) => {
    const g = normalizeAnswer(form);
    if ([cardAnswer, ...accepted].some((a) => normalizeAnswer(a) === g)) return true;
    return sameItems(cardAnswer, form) || samePhrase(cardAnswer, form);
  });
}

export function sourceOverlap(source: string, fact: string): number {
  const s = contentWords(source);
  const f = contentWords(fact);
  if (s.size === 0 || f.size === 0) return 0;
  let common = 0;
  for (const w of s) if (f.has(w)) common++;
  return common / Math.min(s.size, f.size);
}

export function covers(card: EvalCard, gold: GoldFact): boolean {
  if (card.type === "true-false") return false;
  return answerMatches(card.answer, gold.answer, card.accepted) && sourceOverlap(card.source, gold.fact) >= SOURCE_OVERLAP;
}

export function evaluate(cards: EvalCard[], gold: GoldFact[]): EvalReport {
  const results = gold.map((g) => ({ gold: g, covering: cards.filter((c) => covers(c, g)) }));
  const covered = results.filter((r) => r.covering.length > 0).length;
  return { results, covered, total: gold.length };
}

export function formatReport(r: EvalReport): string {
  const lines: string[] = [];
  for (const { gold, covering } of r.results) {
    lines.push(`${gold.id}\t${gold.type}\t${gold.answer}`);
    lines.push(`    fact: ${gold.fact}`);
    if (covering.length === 0) lines.push("    MISS");
    for (const c of covering) lines.push(`    ${c.type}: ${c.prompt}`);
  }
  const pct = r.total ? ((100 * r.covered) / r.total).toFixed(1) : "0.0";
  lines.push(`recall: ${r.covered}/${r.total} (${pct}%)`);
  return lines.join("\n");
}
