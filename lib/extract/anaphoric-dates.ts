// Dates a sentence takes from the one before it: "The strike began on May 4, 1926. That evening the
// government declared an emergency." / "… The next day the unions met." A narrative dates one event
// and then tells the next by reference to it; the reference is resolved only when it is certain:
// - the phrase opens its sentence ("That evening", "That same day", "The next morning"), so it
//   dates the sentence's main clause, not an aside;
// - the sentence before is in the same paragraph and writes exactly one date, a full day and month
//   whose year is known (written, or implied by the narrative — dates.ts `findDates`);
// - "that/the same" keeps the day, "the next/following" adds one.
// Anything vaguer ("Later", "Soon after", "That week", "Days later"), a date two sentences back, or a
// sentence before with two dates gives nothing: several answers would fit the blank.
import type { Candidate, DocContext } from "./candidate";
import { findDates, MONTH_NAMES } from "./dates";
import { dateQuestion } from "./questions";
import { isFactual } from "./sentences";

/** The part of the day a phrase names, as the cloze writes it ("On the evening of ____"). */
const PART = /^(morning|afternoon|evening|night)$/;

/**
 * The anaphoric date phrase opening token list `toks` ("That evening", "The same day", "The next
 * morning"): its length in tokens, the days it adds to the earlier date (0 or 1) and the part of the
 * day it names; null when the sentence does not open with one.
 */
export function anaphoricPhrase(words: string[]): { length: number; days: number; part: string | null } | null {
  const [a, b, c] = words;
  if (a === "that" && b === "same" && (c === "day" || PART.test(c ?? ""))) return { length: 3, days: 0, part: c === "day" ? null : c };
  if (a === "that" && (b === "day" || PART.test(b ?? ""))) return { length: 2, days: 0, part: b === "day" ? null : b };
  if (a === "the" && b === "same" && c === "day") return { length: 3, days: 0, part: null };
  if (a === "the" && /^(next|following)$/.test(b ?? "") && (c === "day" || PART.test(c ?? ""))) return { length: 3, days: 1, part: c === "day" ? null : c };
  return null;
}

/** Date candidates for sentences that open with a date phrase pointing at the sentence before (see the file comment). */
export function extractAnaphoricDates(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    const prev = doc.sentences[s.index - 1];
    if (!prev || s.paragraphStart || prev.question || !isFactual(s)) continue;
    const toks = s.tokens;
    const phrase = anaphoricPhrase(toks.slice(0, 3).map((t) => t.lower));
    if (!phrase) continue;
    const earlier = findDates(prev, doc);
    if (earlier.length !== 1) continue;
    const ty = earlier[0].type;
    if (ty.t !== "day-month" || ty.year === null) continue;
    const d = new Date(Date.UTC(ty.year, ty.month - 1, ty.day + phrase.days));
    const [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    const from = toks[0];
    const last = toks[phrase.length - 1];
    out.push({
      kind: "date",
      sentence: s,
      answer: `${MONTH_NAMES[month - 1]} ${day}, ${year}`,
      start: from.start,
      end: last.end,
      answerType: { t: "day-month", year, month, day, style: "md", withYear: true },
      fields: {
        year, month, day, resolved: true,
        iso: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
        event: s.text,
        written: doc.masked.slice(from.start, last.end),
      },
      // "That evening the envoy left" has no comma to keep; the written date needs one.
      blank: `${phrase.part ? `On the ${phrase.part} of ____` : "On ____"}${toks[phrase.length]?.text === "," ? "" : ","}`,
      question: dateQuestion(s, 0, phrase.length, doc.masked) ?? undefined,
    });
  }
  return out;
}
