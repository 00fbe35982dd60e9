// Dates a sentence takes from the one before it: "The strike began on May 4, 1926. That evening the
// government declared an emergency." / "… The next day the unions met." A narrative dates one event
// and then tells the next by reference to it; the reference is resolved only when it is certain:
// - the phrase opens its sentence ("That evening", "That same day", "The next morning"), so it
//   dates the sentence's main clause, not an aside;
// - the sentence before is in the same paragraph and writes exactly one date, a full day and month
//   whose year is known (written, or implied by the narrative — dates.ts `findDates`);
// - "that/the same" keeps the day, "the next/following" adds one; "That May" is May of the earlier
//   date's year (any precision: "in 1994", "in June 1994").
// - "At that time" / "At the time" takes the one past date of the sentence before, whatever its
//   precision (a year, a month, a day): it never means the moment of speaking, so a "today" beside
//   that date is passed over. It names a period around that date, so it gives no date card of its
//   own; it is spelled out ("In 2005, …") in the sentence's other cards (`withAnaphoricContext`),
//   which references.ts would otherwise refuse as an unresolved reference.
// Anything vaguer ("Later", "Soon after", "That week", "Days later"), a date two sentences back, or a
// sentence before with two dates gives nothing: several answers would fit the blank.
import type { AnswerType, Candidate, DocContext, Replacement } from "./candidate";
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
export function anaphoricPhrase(words: string[]): { length: number; days: number; part: string | null; anyPrecision?: true; month?: number } | null {
  const [a, b, c] = words;
  const month = MONTH_NAMES.findIndex((m) => m.toLowerCase() === b);
  if (a === "that" && month >= 0) return { length: 2, days: 0, part: null, month: month + 1 };
  if (a === "at" && (b === "that" || b === "the") && c === "time") return { length: 3, days: 0, part: null, anyPrecision: true };
  if (a === "that" && b === "same" && (c === "day" || PART.test(c ?? ""))) return { length: 3, days: 0, part: c === "day" ? null : c };
  if (a === "that" && (b === "day" || PART.test(b ?? ""))) return { length: 2, days: 0, part: b === "day" ? null : b };
  if (a === "the" && b === "same" && c === "day") return { length: 3, days: 0, part: null };
  if (a === "the" && /^(next|following)$/.test(b ?? "") && (c === "day" || PART.test(c ?? ""))) return { length: 3, days: 1, part: c === "day" ? null : c };
  return null;
}

/** Date candidates for sentences that open with a date phrase pointing at the sentence before (see the file comment). */
export function extractAnaphoricDates(doc: DocContext): Candidate[] {
  return resolveAnaphoricDates(doc).candidates;
}

const contextCache = new WeakMap<DocContext, ReturnType<typeof resolveAnaphoricDates>>();

/**
 * The date candidates of `extractAnaphoricDates`, and for each sentence opening with "At that time"
 * the replacement that spells it out ("In 2005"), keyed by sentence index, for its other cards.
 */
export function resolveAnaphoricDates(doc: DocContext): { candidates: Candidate[]; context: Map<number, Replacement> } {
  const cached = contextCache.get(doc);
  if (cached) return cached;
  const out: Candidate[] = [];
  const context = new Map<number, Replacement>();
  const p = doc.published;
  for (const s of doc.sentences) {
    const prev = doc.sentences[s.index - 1];
    if (!prev || prev.question || !isFactual(s)) continue;
    const toks = s.tokens;
    const phrase = anaphoricPhrase(toks.slice(0, 3).map((t) => t.lower));
    if (!phrase) continue;
    // A day of the narrative is told within its paragraph; "At that time" may open a new one.
    if (s.paragraphStart && !phrase.anyPrecision) continue;
    const isNow = (ty: AnswerType) => !!p && ty.t === "day-month" && ty.year === p.year && ty.month === p.month && ty.day === p.day;
    const earlier = findDates(prev, doc).filter((h) => !(phrase.anyPrecision && isNow(h.type)));
    if (earlier.length !== 1) continue;
    const ty = earlier[0].type;
    if (!(ty.t === "day-month" && ty.year !== null) && !((phrase.anyPrecision || phrase.month) && (ty.t === "year" || ty.t === "month-year"))) continue;
    const from = toks[0];
    const last = toks[phrase.length - 1];
    const comma = toks[phrase.length]?.text === "," ? "" : ",";
    let answer: string;
    let answerType: AnswerType;
    let fields: Record<string, unknown>;
    let blank: string;
    if (phrase.month) {
      // "That May": the named month of the earlier date's year.
      if (!toks[1].cap || ty.year === null) continue;
      answer = `${MONTH_NAMES[phrase.month - 1]} ${ty.year}`;
      answerType = { t: "month-year", year: ty.year, month: phrase.month };
      fields = { year: ty.year, month: phrase.month };
      blank = "In ____";
    } else if (ty.t === "day-month" && ty.year !== null) {
      const d = new Date(Date.UTC(ty.year, ty.month - 1, ty.day + phrase.days));
      const [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      answer = `${MONTH_NAMES[month - 1]} ${day}, ${year}`;
      answerType = { t: "day-month", year, month, day, style: "md", withYear: true };
      fields = { year, month, day, resolved: true, iso: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
      blank = phrase.part ? `On the ${phrase.part} of ____` : "On ____";
    } else if (ty.t === "month-year") {
      answer = `${MONTH_NAMES[ty.month - 1]} ${ty.year}`;
      answerType = ty;
      fields = { year: ty.year, month: ty.month };
      blank = "In ____";
    } else if (ty.t === "year") {
      answer = String(ty.year);
      answerType = ty;
      fields = { year: ty.year };
      blank = "In ____";
    } else continue;
    // "At that time" names a period around the date, not an event on it: no card asks for the date
    // itself (a neighbouring year could be as true); it is spelled out for the sentence's other cards.
    if (phrase.anyPrecision) {
      context.set(s.index, { start: from.start, end: last.end, text: blank.replace("____", answer) });
      continue;
    }
    out.push({
      kind: "date",
      sentence: s,
      answer,
      start: from.start,
      end: last.end,
      answerType,
      fields: { ...fields, event: s.text, written: doc.masked.slice(from.start, last.end) },
      // "That evening the envoy left" has no comma to keep; the written date needs one.
      blank: `${blank}${comma}`,
      question: dateQuestion(s, 0, phrase.length, doc.masked) ?? undefined,
    });
  }
  const result = { candidates: out, context };
  contextCache.set(doc, result);
  return result;
}

/** The sentence's other candidates shown with its "At that time" spelled out (see the file comment). */
export function withAnaphoricContext(cs: Candidate[], doc: DocContext): Candidate[] {
  const { context } = resolveAnaphoricDates(doc);
  if (context.size === 0) return cs;
  return cs.map((c) => {
    const r = context.get(c.sentence.index);
    if (!r || c.statement || (c.start < r.end && r.start < c.end)) return c;
    return { ...c, context: [...(c.context ?? []), r] };
  });
}
