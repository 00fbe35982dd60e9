// Grades a typed quiz answer. The policy (why numbers are exact, why the typo
// allowance looks the way it does) is in docs/decisions/005-typed-answer-grading.md.

import { editDistance } from "./edit-distance";
import { analyzeAnswer, UNIT_WORDS, type AnalyzedAnswer } from "./normalize-answer";
import { gradeSet, setMembers } from "./set-answer";

export type TypedVerdict = "correct" | "near-miss" | "wrong";

export interface TypedGrade {
  verdict: TypedVerdict;
  /** The expected or accepted answer (as written on the card) the input was graded against. */
  matched?: string;
}

export interface GradeOptions {
  /**
   * Known wrong answers, typically the card's distractors. A typo is forgiven
   * only when it points to the expected answer more clearly than to one of
   * these: "Iraq" is one edit from "Iran" but must not count as "Iran".
   */
  rejected?: readonly string[];
}

export interface TypoAllowance {
  /** Edits still graded "correct". */
  correct: number;
  /** Edits graded "near-miss", or null when the answer is too short for a spelling hint to mean anything. */
  nearMiss: number | null;
}

/** `letters` = characters of the answer's words, spaces and numbers excluded. */
export function typoAllowance(letters: number): TypoAllowance {
  if (letters <= 2) return { correct: 0, nearMiss: null };
  if (letters === 3) return { correct: 0, nearMiss: 1 };
  if (letters <= 7) return { correct: 1, nearMiss: 2 };
  return { correct: 2, nearMiss: 3 };
}

const FAR = Number.POSITIVE_INFINITY;

function sameNumbers(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function unitsOf(words: string[]): string[] {
  return [...new Set(words.filter((w) => UNIT_WORDS.has(w)))].sort();
}

function letterCount(words: string[]): number {
  return words.reduce((sum, w) => sum + Array.from(w).length, 0);
}

/** Edit distance between the word parts, or FAR when numbers or units disagree. */
function distanceBetween(given: AnalyzedAnswer, target: AnalyzedAnswer, max: number): number {
  if (!sameNumbers(given.numbers, target.numbers)) return FAR;
  const givenUnits = unitsOf(given.words);
  const targetUnits = unitsOf(target.words);
  const bothHaveUnits = givenUnits.length > 0 && targetUnits.length > 0;
  if (bothHaveUnits && givenUnits.join(" ") !== targetUnits.join(" ")) return FAR;

  const direct = editDistance(given.words.join(" "), target.words.join(" "), max);
  if (bothHaveUnits) return direct;
  // One side left the unit out ("80" for "80%"): compare without units.
  const strip = (words: string[]) => words.filter((w) => !UNIT_WORDS.has(w)).join(" ");
  return Math.min(direct, editDistance(strip(given.words), strip(target.words), max));
}

function verdictFor(distance: number, allowance: TypoAllowance): TypedVerdict {
  if (distance <= allowance.correct) return "correct";
  if (allowance.nearMiss !== null && distance <= allowance.nearMiss) return "near-miss";
  return "wrong";
}

const RANK: Record<TypedVerdict, number> = { correct: 2, "near-miss": 1, wrong: 0 };

export function gradeTypedAnswer(
  given: string,
  expected: string,
  accepted: readonly string[],
  options: GradeOptions = {},
): TypedGrade {
  const input = analyzeAnswer(given);
  if (input.words.length === 0 && input.numbers.length === 0) return { verdict: "wrong" };

  const targets = [expected, ...accepted]
    .map((text) => ({ text, analyzed: analyzeAnswer(text) }))
    .filter((t) => t.analyzed.words.length > 0 || t.analyzed.numbers.length > 0);

  let best: { verdict: TypedVerdict; distance: number; text: string } | null = null;
  for (const target of targets) {
    const allowance = typoAllowance(letterCount(target.analyzed.words));
    const distance = distanceBetween(input, target.analyzed, allowance.nearMiss ?? allowance.correct);
    const verdict = verdictFor(distance, allowance);
    if (verdict === "wrong") continue;
    if (!best || RANK[verdict] > RANK[best.verdict] || (verdict === best.verdict && distance < best.distance)) {
      best = { verdict, distance, text: target.text };
    }
  }
  if (!best) {
    // A list of three or more members is a set: any order counts (set-answer.ts).
    const members = setMembers(expected);
    const verdict = members ? gradeSet(given, members, (g, e) => gradeTypedAnswer(g, e, []).verdict) : "wrong";
    return verdict === "wrong" ? { verdict } : { verdict, matched: expected };
  }
  if (best.distance === 0) return { verdict: "correct", matched: best.text };

  // A forgiven typo must point to the expected answer more clearly than to a known wrong one.
  for (const text of options.rejected ?? []) {
    const rejected = analyzeAnswer(text);
    const isAlsoAccepted = targets.some((t) => distanceBetween(rejected, t.analyzed, 0) === 0);
    if (isAlsoAccepted) continue;
    const distance = distanceBetween(input, rejected, best.distance);
    if (distance < best.distance) return { verdict: "wrong" };
    if (distance === best.distance) best = { ...best, verdict: "near-miss" };
  }
  return { verdict: best.verdict, matched: best.text };
}
