// Folds English number phrases into numeric tokens so "three thousand",
// "3,000" (already de-separated) and "3000" compare equal, and "second" equals
// "2nd". Hand-written because no number-word package is in the dependency tree
// and the grammar we need (units..billion, ordinals, "and") is ~100 lines.
//
// The parser is deliberately strict: a sequence that is not a well-formed
// number ("one two", "forty two one") is split into several numbers rather
// than summed, because a wrong sum could turn a wrong answer into a right one.
// The one other shape it reads is a year said the way years are said: two
// pairs of digits, "twenty eighteen" = 2018, "nineteen oh five" = 1905.

export type AnswerToken =
  | { kind: "word"; text: string }
  | { kind: "number"; value: number };

type Category = "unit" | "teen" | "tens" | "hundred" | "scale";

interface NumberWord {
  category: Category;
  value: number;
}

const CARDINALS: Record<string, NumberWord> = {};
const unitWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const teenWords = [
  "ten", "eleven", "twelve", "thirteen", "fourteen",
  "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const tensWords = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
unitWords.forEach((w, i) => (CARDINALS[w] = { category: "unit", value: i + 1 }));
teenWords.forEach((w, i) => (CARDINALS[w] = { category: "teen", value: i + 10 }));
tensWords.forEach((w, i) => (CARDINALS[w] = { category: "tens", value: (i + 2) * 10 }));
CARDINALS.hundred = { category: "hundred", value: 100 };
CARDINALS.thousand = { category: "scale", value: 1e3 };
CARDINALS.million = { category: "scale", value: 1e6 };
CARDINALS.billion = { category: "scale", value: 1e9 };

// Irregular ordinals; the regular ones are derived by stripping "th"/"ieth".
const IRREGULAR_ORDINALS: Record<string, string> = {
  first: "one", second: "two", third: "three", fifth: "five",
  eighth: "eight", ninth: "nine", twelfth: "twelve",
};

function lookup(word: string): (NumberWord & { ordinal: boolean }) | null {
  const cardinal = CARDINALS[word];
  if (cardinal) return { ...cardinal, ordinal: false };
  const base =
    IRREGULAR_ORDINALS[word] ??
    (word.endsWith("ieth") ? `${word.slice(0, -4)}y` : word.endsWith("th") ? word.slice(0, -2) : null);
  const fromOrdinal = base ? CARDINALS[base] : undefined;
  return fromOrdinal ? { ...fromOrdinal, ordinal: true } : null;
}

const DIGITS = /^\d+(?:\.\d+)?$/;
const DIGIT_ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;

/** Floating-point products such as 1.1 * 1e6 must still compare equal to 1100000. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

interface Phrase {
  total: number;
  current: number;
  last: Category | "digits" | "start";
  lastScale: number;
}

/** Can `word` extend the phrase? Mirrors how English number names are built. */
function canExtend(p: Phrase, word: NumberWord): boolean {
  switch (word.category) {
    case "unit":
      return p.last === "start" || p.last === "tens" || p.last === "hundred" || p.last === "scale";
    case "teen":
    case "tens":
      return p.last === "start" || p.last === "hundred" || p.last === "scale";
    case "hundred":
      // "nineteen hundred", "twenty one hundred", "a hundred" (article already dropped).
      return (
        (p.last === "start" || p.last === "unit" || p.last === "teen" || p.last === "digits") &&
        p.current < 100
      );
    case "scale":
      return p.last !== "scale" && word.value < p.lastScale;
  }
}

function extend(p: Phrase, word: NumberWord): void {
  if (word.category === "hundred") {
    p.current = (p.current || 1) * 100;
  } else if (word.category === "scale") {
    p.total += (p.current || 1) * word.value;
    p.current = 0;
    p.lastScale = word.value;
  } else {
    p.current += word.value;
  }
  p.last = word.category;
}

/** A number from 10 to 99 said in words at `tokens[i]`: a teen, a tens word, or a tens word and a unit. */
function twoDigits(tokens: readonly string[], i: number): { value: number; length: number } | null {
  const first = CARDINALS[tokens[i] ?? ""];
  if (!first) return null;
  if (first.category === "teen") return { value: first.value, length: 1 };
  if (first.category !== "tens") return null;
  const unit = CARDINALS[tokens[i + 1] ?? ""];
  return unit?.category === "unit" ? { value: first.value + unit.value, length: 2 } : { value: first.value, length: 1 };
}

/**
 * A year said as two pairs of digits at `tokens[i]`: "twenty eighteen" (2018),
 * "nineteen eighty four" (1984), "twenty twenty one" (2021), "nineteen oh
 * five" (1905). The second pair is 10–99 or "oh"/"o" and a unit; anything
 * else is not a spoken year ("twenty one" stays 21, "nineteen hundred" 1900).
 */
function spokenYear(tokens: readonly string[], i: number): { value: number; length: number } | null {
  const century = twoDigits(tokens, i);
  // Centuries 10–29: the years a fact in a document names ("fifty fifty" is not 5050).
  if (!century || century.value > 29) return null;
  const j = i + century.length;
  const oh = tokens[j] === "oh" || tokens[j] === "o" ? CARDINALS[tokens[j + 1] ?? ""] : undefined;
  if (oh?.category === "unit") return { value: century.value * 100 + oh.value, length: century.length + 2 };
  const rest = twoDigits(tokens, j);
  if (!rest) return null;
  // The rest must not continue as a larger number ("nineteen twenty thousand").
  const after = lookup(tokens[j + rest.length] ?? "");
  if (after && (after.category === "hundred" || after.category === "scale")) return null;
  return { value: century.value * 100 + rest.value, length: century.length + rest.length };
}

/**
 * Replaces every number phrase in `tokens` (already lower-cased, split on
 * whitespace, digit runs separate from letters) with a numeric token.
 */
export function foldNumberWords(tokens: readonly string[]): AnswerToken[] {
  const out: AnswerToken[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const p: Phrase = { total: 0, current: 0, last: "start", lastScale: Infinity };
    let ended = false;

    // "zero" never combines with other number words, so it is a phrase of its own.
    if (token === "zero") {
      out.push({ kind: "number", value: 0 });
      i++;
      continue;
    }
    const year = spokenYear(tokens, i);
    if (year) {
      out.push({ kind: "number", value: year.value });
      i += year.length;
      continue;
    }
    const digitOrdinal = DIGIT_ORDINAL.exec(token);
    if (digitOrdinal) {
      out.push({ kind: "number", value: Number(digitOrdinal[1]) });
      i++;
      continue;
    }
    if (DIGITS.test(token)) {
      p.current = Number(token);
      p.last = "digits";
      i++;
    }

    while (!ended && i < tokens.length) {
      const next = tokens[i]!;
      // "one hundred and five": "and" belongs to the number only in that position.
      if (next === "and" && (p.last === "hundred" || p.last === "scale")) {
        const after = tokens[i + 1] ? lookup(tokens[i + 1]!) : null;
        if (after && !after.ordinal && (after.category === "unit" || after.category === "teen" || after.category === "tens")) {
          i++;
          continue;
        }
        break;
      }
      const word = lookup(next);
      if (!word || !canExtend(p, word)) break;
      extend(p, word);
      i++;
      // An ordinal closes the phrase: "twenty first" is 21, not the start of 21 + more.
      if (word.ordinal) ended = true;
    }

    if (p.last === "start") {
      out.push({ kind: "word", text: token });
      i++;
    } else {
      out.push({ kind: "number", value: clean(p.total + p.current) });
    }
  }
  return out;
}
