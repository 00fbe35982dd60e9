import { foldNumberWords } from "../quiz/number-words";
// Small string helpers shared by the extractors and card builders.
import { mulberry32 } from "../seeded";
import { stripAccents } from "../quiz/fold-accents";

/** cyrb53: a fast 53-bit string hash; keeps the module free of node:crypto so it also runs in the browser. */
export function hash(s: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, "0");
}

/** Deterministic shuffle seeded by a string (mulberry32 over the string's hash). */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const rand = mulberry32(parseInt(hash(seed).slice(-6), 36));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export { stripAccents };

/** Collapse whitespace and remove the spaces that masking leaves before punctuation. */
export function tidy(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:!?%)\]])/g, "$1")
    .replace(/([(\[])\s+/g, "$1")
    .replace(/"\s*([^"]*?)\s*"/g, '"$1"')
    .replace(/,(\s*,)+/g, ",")
    .replace(/\s+'s\b/g, "'s")
    .trim();
}

export function capitalizeFirst(s: string): string {
  // Only past opening quotes and brackets: a leading blank ("____ is ...") must stay as it is.
  return s.replace(/^(["'(\[\s]*)(\p{Ll})/u, (_, p: string, c: string) => p + c.toUpperCase());
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c);
}

/**
 * Start offsets of `needle` in `hay` as a whole word. A plain indexOf scan: compiling a regular
 * expression per lookup dominated generation time on long documents.
 */
export function findWord(hay: string, needle: string, ignoreCase = true): number[] {
  if (!needle) return [];
  const h = ignoreCase ? hay.toLowerCase() : hay;
  const n = ignoreCase ? needle.toLowerCase() : needle;
  const out: number[] = [];
  for (let i = h.indexOf(n); i >= 0; i = h.indexOf(n, i + 1)) {
    if (!isWordChar(h[i - 1]) && !isWordChar(h[i + n.length])) out.push(i);
  }
  return out;
}

/** `text` with whole-word occurrences of `word` (case-sensitive) replaced; only the first if `once`. */
export function replaceWord(text: string, word: string, by: string, once = false): string {
  const at = findWord(text, word, false);
  let out = text;
  for (const i of (once ? at.slice(0, 1) : at).reverse()) out = out.slice(0, i) + by + out.slice(i + word.length);
  return out;
}

/** Occurrences of `needle` in `hay` as a whole word (case-insensitive). */
export function countWord(hay: string, needle: string): number {
  return findWord(hay, needle).length;
}

function fold(s: string): string {
  return stripAccents(s).toLowerCase();
}

/** Whole-word lookups in a few texts, accent- and case-insensitive, without a regex per word. */
export class WordIndex {
  private readonly text: string;
  private readonly words: Set<string>;
  constructor(texts: readonly string[]) {
    this.text = fold(texts.join(" \n "));
    this.words = new Set(this.text.split(/[^\p{L}\p{N}]+/u));
  }
  has(phrase: string): boolean {
    const p = fold(phrase).trim();
    if (!p) return false;
    if (!/[^\p{L}\p{N}]/u.test(p)) return this.words.has(p);
    return findWord(this.text, p, false).length > 0;
  }
}

/** Number names for writing a value out ("seven months"); reading numbers goes through `leadingNumber`. */
const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

export const ORDINAL_WORDS = [
  "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
  "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
  "seventeenth", "eighteenth", "nineteenth", "twentieth",
];

// Abbreviated scales written after digits ("$19bn", "3.5m"); spelled scales are read by foldNumberWords.
const SHORT_SCALE: Record<string, number> = { bn: 1e9, m: 1e6, k: 1e3, trillion: 1e12 };

export function numberWord(n: number): string | undefined {
  return Object.keys(NUMBER_WORDS).find((k) => NUMBER_WORDS[k] === n);
}

/**
 * The number a phrase starts with and the words after it: "two hundred soldiers" → 200 and
 * "soldiers", "3 thousand" → 3000, "twenty-five" → 25. One parser for generation and grading:
 * the words are folded by lib/quiz/number-words.ts (strict: "one two" is two numbers, not 3).
 * Null when the phrase does not start with a number. Ordinal words are not read here.
 */
export function leadingNumber(s: string): { value: number; rest: string } | null {
  const tokens = s.toLowerCase().replace(/(\d),(?=\d{3})/g, "$1").split(/[\s-]+/).filter(Boolean);
  if (tokens.length === 0) return null;
  const folded = foldNumberWords(tokens);
  const first = folded[0];
  if (!first || first.kind !== "number") return null;
  // How many tokens the first number consumed: fold the prefixes until the value appears.
  let used = 1;
  while (used < tokens.length) {
    const f = foldNumberWords(tokens.slice(0, used));
    if (f.length === 1 && f[0].kind === "number" && f[0].value === first.value) break;
    used++;
  }
  // "second", "21st": an ordinal is a rank, read by ordinalValue.
  if (/^(first|second|third|\p{L}+th|\d+(st|nd|rd|th))$/u.test(tokens[used - 1])) return null;
  return { value: first.value, rest: tokens.slice(used).join(" ") };
}

/** Numeric value of "3,000", "3.5 million", "ten", "twenty-five", "two hundred", "80%"; NaN when not a number. */
export function parseNumber(s: string): number {
  const t = s.toLowerCase().replace(/[$€£¥%]/g, " ").replace(/\bper ?cent\b|\bpercent\b/g, " ").trim();
  const m = t.match(/^(-?\d[\d,]*(?:\.\d+)?)\s*([a-z]+)\b/);
  if (m && SHORT_SCALE[m[2]]) return Number(m[1].replace(/,/g, "")) * SHORT_SCALE[m[2]];
  const n = leadingNumber(t);
  return n ? n.value : NaN;
}

export function ordinalValue(word: string): number {
  const w = word.toLowerCase();
  const i = ORDINAL_WORDS.indexOf(w);
  if (i >= 0) return i;
  const m = w.match(/^(\d+)(st|nd|rd|th)$/);
  return m ? Number(m[1]) : NaN;
}

export function ordinalSuffix(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${s}`;
}
