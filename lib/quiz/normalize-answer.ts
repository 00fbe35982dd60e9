// Turns a typed answer into a canonical form so that differences a learner
// should not be penalised for (case, accents, punctuation, "3,000" vs
// "three thousand", "80%" vs "80 percent", a leading "the") disappear before
// spelling is compared. See docs/decisions/005-typed-answer-grading.md.

import { foldNumberWords } from "./number-words";
import { stripAccents } from "./fold-accents";

export interface AnalyzedAnswer {
  /** Non-numeric tokens in order, unit words included ("february", "percent"). */
  words: string[];
  /**
   * Every number in the answer in the order given ("68 to 32" is not "32 to
   * 68"), except that the parts of one date (a month name with its day and
   * year) are in one order: "2 February 2019" = "February 2, 2019".
   */
  numbers: number[];
}

// Letters NFD does not decompose into base + accent.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", ł: "l", ı: "i", þ: "th", ħ: "h",
};

const SYMBOL_WORDS: Array<[RegExp, string]> = [
  [/%/g, " percent "],
  [/\$/g, " dollars "],
  [/€/g, " euros "],
  [/£/g, " pounds "],
  [/&/g, " and "],
];

// Canonical spellings, so "$5", "5 dollars" and "5 USD" share one unit word.
const WORD_ALIASES: Record<string, string> = {
  pct: "percent",
  dollar: "dollars", usd: "dollars",
  euro: "euros", eur: "euros",
  pound: "pounds", gbp: "pounds",
  jan: "january", feb: "february", mar: "march", apr: "april", jun: "june", jul: "july",
  aug: "august", sep: "september", sept: "september", oct: "october", nov: "november", dec: "december",
};

/** Unit words may be omitted by the learner ("80" for "80%") but never swapped. */
export const UNIT_WORDS: ReadonlySet<string> = new Set(["percent", "dollars", "euros", "pounds"]);

const LEADING_ARTICLES = new Set(["the", "a", "an"]);
// A preposition before the answer says how it fits the sentence, not what it
// is: "in 2019" for 2019, "on 2 February" for 2 February, "by the UN" for the UN.
const LEADING_PREPOSITIONS = new Set(["in", "on", "at", "by", "during", "since", "from", "around", "circa", "ca"]);
const MONTHS = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]);

function foldCharacters(text: string): string {
  // The acute accent used as an apostrophe ("O´Brien") joins too, and first: NFKC would turn it into a space and a combining accent.
  let s = text.replace(/\u00b4/g, "").normalize("NFKC").toLowerCase();
  s = s.replace(/[ßæœøđðłıþħ]/g, (c) => SPECIAL_LETTERS[c] ?? c);
  s = stripAccents(s);
  // Thousands separators (comma or space; NFKC made thin and no-break spaces
  // plain ones) only in a well-formed grouping: "3,000" and "1 200 000" join,
  // "2,5", "1, 2" and "2 2019" (a day and a year) stay apart.
  s = s.replace(/(?<![\d.])\d{1,3}(?:[, ]\d{3})+(?!\d)/g, (m) => m.replace(/\D/g, ""));
  for (const [pattern, word] of SYMBOL_WORDS) s = s.replace(pattern, word);
  // A minus sign before a number is meaning, not punctuation; a hyphen inside a word is not.
  s = s.replace(/(^|[^\p{L}\p{N}])[-\u2212](?=\d)/gu, "$1 minus ");
  // Apostrophes and dots join rather than split: "O'Brien" = "OBrien", "U.S." = "US".
  s = s.replace(/['\u2018\u2019\u02bc`]/g, "");
  // A decimal point with no digit before it is still a decimal point: ".6" = 0.6, never 6.
  s = s.replace(/(?<![\p{L}\p{N}])\.(?=\d)/gu, "0.");
  s = s.replace(/(?<!\d)\.|\.(?!\d)/g, "");
  return s.replace(/[^\p{L}\p{N}.\s]/gu, " ");
}

/** Splits "covid19" / "1990s" / "3.5km" so digits and letters are separate tokens, keeping "2nd". */
function splitTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of text.split(/\s+/)) {
    if (raw === "") continue;
    if (/^\d+(?:st|nd|rd|th)$/.test(raw)) {
      tokens.push(raw);
      continue;
    }
    for (const m of raw.matchAll(/\p{L}+|\d+(?:\.\d+)?|\p{N}+/gu)) tokens.push(m[0]);
  }
  return tokens;
}

function canonicalWords(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === "per" && tokens[i + 1] === "cent") {
      out.push("percent");
      i++;
      continue;
    }
    out.push(WORD_ALIASES[t] ?? t);
  }
  // A leading preposition, then a leading article, only when something follows
  // ("A" alone is an answer). Final punctuation was already dropped.
  if (out.length > 1 && LEADING_PREPOSITIONS.has(out[0]!)) out.shift();
  if (out.length > 1 && LEADING_ARTICLES.has(out[0]!)) out.shift();
  return out;
}

function tokenize(text: string) {
  return foldNumberWords(canonicalWords(splitTokens(foldCharacters(text))));
}

export function analyzeAnswer(text: string): AnalyzedAnswer {
  const tokens = tokenize(text);
  const words: string[] = [];
  const numbers: number[] = [];
  const isNumber = (i: number) => tokens[i]?.kind === "number";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "number") {
      numbers.push(t.value);
      continue;
    }
    words.push(t.text);
    if (!MONTHS.has(t.text)) continue;
    // One date: a day before or after the month name, and a year after it.
    // Its numbers go in one order (day, then year) wherever they were written.
    const parts: number[] = [];
    if (isNumber(i - 1) && numbers.length > 0) parts.push(numbers.pop()!);
    while (isNumber(i + 1) && parts.length < 2) parts.push((tokens[++i] as { value: number }).value);
    numbers.push(...parts.sort((a, b) => a - b));
  }
  return { words, numbers };
}

/** The canonical string form, for display in tests and for de-duplicating answers. */
export function normalizeAnswer(text: string): string {
  return tokenize(text).map((t) => (t.kind === "number" ? String(t.value) : t.text)).join(" ");
}
