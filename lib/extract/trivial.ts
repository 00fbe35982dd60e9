// Blanks the rest of the prompt answers: a learner fills them by reading the prompt, not by
// remembering the text (blind reading, issue 11). Three shapes:
// - a duration the prompt computes: "a period of ____ and there will be two six-monthly
//   rotations" (2 × 6 months = 12 months): the answer is the product or sum of two numbers
//   written beside it, one of them in the answer's own unit;
// - the century of a year the card shows or of the document's own date: "for the ____ Century" in a
//   text of 2009, "in the ____ century, in 1850";
// - a count of the subject it describes: "We are ____ great democracies" (how many "we" are is what
//   the speaker and listener are, not a fact of the text), "Norway and Chile are ____ partners".
// See docs/decisions/004-rule-based-extractor.md (2026-11-29, session 5, gen-prec).
import { leadingNumber, ordinalValue } from "./text";

const BLANK = "____";
const UNITS = ["hour", "day", "week", "month", "year", "decade"] as const;
// "six-monthly", "six months", "6 months", "a twelve-month"
const unitOf = (word: string): string | null => {
  const w = word.toLowerCase().replace(/ly$/, "").replace(/s$/, "");
  return (UNITS as readonly string[]).includes(w) ? w : w === "annual" ? "year" : null;
};

/** Numbers written in `text` with the unit word that follows each ("two six-monthly" → 2 (none), 6 (month)). */
function numbersIn(text: string): { value: number; unit: string | null }[] {
  const words = text.split(/[\s-]+/).map((w) => w.replace(/[^\p{L}\p{N}.,]/gu, "")).filter(Boolean);
  const out: { value: number; unit: string | null }[] = [];
  for (let i = 0; i < words.length; i++) {
    const n = leadingNumber(words[i]);
    if (!n || n.rest) continue;
    out.push({ value: n.value, unit: words[i + 1] ? unitOf(words[i + 1]) : null });
  }
  return out;
}

/** "12 months" → 12, "month"; null when the answer is not a duration. */
function duration(answer: string): { value: number; unit: string } | null {
  const n = leadingNumber(answer);
  if (!n) return null;
  const unit = unitOf(n.rest.split(/\s+/)[0] ?? "");
  return unit ? { value: n.value, unit } : null;
}

/** The duration answer is the product or the sum of two numbers of the prompt, one in its unit. */
function computed(rest: string, answer: string): boolean {
  const d = duration(answer);
  if (!d) return false;
  const nums = numbersIn(rest);
  for (const a of nums) {
    if (a.unit !== d.unit) continue;
    for (const b of nums) {
      if (b === a) continue;
      if (a.value * b.value === d.value || (b.unit === d.unit && a.value + b.value === d.value)) return true;
    }
  }
  return false;
}

/** "the ____ Century" where a year in the prompt, or the document's year, is in that century. */
function givenCentury(prompt: string, answer: string, publishedYear: number | null): boolean {
  const n = ordinalValue(answer.trim());
  if (!Number.isFinite(n) || n < 1) return false;
  if (!new RegExp(`${BLANK}\\s+century\\b`, "i").test(prompt)) return false;
  const years = [...prompt.matchAll(/\b(1\d{3}|20\d{2})\b/g)].map((m) => Number(m[1]));
  if (publishedYear) years.push(publishedYear);
  return years.some((y) => Math.floor((y - 1) / 100) + 1 === n);
}

/** "We are ____ great democracies", "Norway and Chile are ____ partners": a count of the subject itself. */
function countOfSubject(prompt: string, answer: string): boolean {
  const n = leadingNumber(answer);
  if (!n || n.rest) return false;
  const before = prompt.split(BLANK)[0];
  if (/(?:^|[^\p{L}])(?:we|they|you)\s+(?:are|were|'re|’re)\s+(?:both\s+|all\s+)?$/iu.test(before)) return true;
  // "A and B are ____ …" / "A, B and C are ____ …": as many names as the answer says.
  const m = before.match(/((?:\p{Lu}[\p{L}'’-]*\s+){0,3}?(?:\p{Lu}[\p{L}'’-]*)(?:,\s+(?:\p{Lu}[\p{L}'’-]*\s*)+)*\s+and\s+(?:\p{Lu}[\p{L}'’-]*\s*)+)\s*(?:are|were)\s+(?:both\s+|all\s+)?$/u);
  if (!m) return false;
  const parties = m[1].split(/,|\band\b/).map((x) => x.trim()).filter(Boolean);
  return parties.length === n.value;
}

/**
 * Does the rest of `prompt` (with "____" for the blank) answer it? `answer`: the card's answer
 * ("12 months", "21st", "two"); `publishedYear`: the document's year, or null. See the file comment
 * for the three shapes; anything else returns false.
 */
export function trivialBlank(prompt: string, answer: string, publishedYear: number | null): boolean {
  if (!prompt.includes(BLANK)) return false;
  const rest = prompt.replace(BLANK, " ");
  return computed(rest, answer) || givenCentury(prompt, answer, publishedYear) || countOfSubject(prompt, answer);
}
