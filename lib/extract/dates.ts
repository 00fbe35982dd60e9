// Dates: years, month-years and full dates (absolute, or "this Wednesday, February 2"
// resolved against the published date). Durations ("over the past ten years") are
// numbers, not dates, and are left to numbers.ts.
import type { AnswerType, Candidate, DocContext } from "./candidate";
import { dateQuestion } from "./questions";
import { isFactual, type Sentence, type Tok } from "./sentences";
import { isPastVerb, moreRelativeDateAt, tenseMarks } from "./relative-dates";
import { quotationAfterFrame } from "./quote-frames";

export const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December",
];
const MONTH_INDEX = new Map<string, number>();
MONTH_NAMES.forEach((m, i) => {
  MONTH_INDEX.set(m.toLowerCase(), i + 1);
  MONTH_INDEX.set(m.slice(0, 3).toLowerCase(), i + 1);
});
MONTH_INDEX.set("sept", 9);

const YEAR_PREPS = /^(in|since|of|by|until|till|from|to|before|after|during|early|late|mid|around|circa)$/;
const RELATIVE = /^(this|last|next|on|past|coming)$/;
const WEEKDAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

export function isYear(text: string): boolean {
  return /^\d{4}$/.test(text) && Number(text) >= 1000 && Number(text) <= 2100;
}

interface DateHit {
  from: number;
  to: number;
  type: AnswerType;
  relative: boolean;
  /** The answer as the text writes it; absent when the date is resolved from "last Tuesday". */
  literal: boolean;
  /** "the 30th of January": asked in the written form of a date once its year is known (options alike). */
  spoken?: boolean;
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** "last Tuesday" / "next Friday" / "this Monday" against the published date. */
export function resolveWeekday(which: string, weekday: number, p: { year: number; month: number; day: number }): { y: number; m: number; d: number } {
  const base = Date.UTC(p.year, p.month - 1, p.day);
  const dow = new Date(base).getUTCDay();
  let delta: number;
  if (which === "last") delta = -(((dow - weekday + 7) % 7) || 7);
  else if (which === "next") delta = ((weekday - dow + 7) % 7) || 7;
  else {
    const ahead = (weekday - dow + 7) % 7;
    delta = ahead <= 3 ? ahead : ahead - 7;
  }
  const t = new Date(base + delta * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function monthOf(t: Tok | undefined): number | undefined {
  return t ? MONTH_INDEX.get(t.lower.replace(/\.$/, "")) : undefined;
}

function dayOf(t: Tok | undefined): number | undefined {
  const m = t?.text.match(/^(\d{1,2})(st|nd|rd|th)?$/);
  const d = m ? Number(m[1]) : NaN;
  return d >= 1 && d <= 31 ? d : undefined;
}

/** Parse the date expression starting at token i, if there is one. */
function dateAt(toks: Tok[], i: number): DateHit | null {
  const t = toks[i];
  const month = monthOf(t);
  if (month && t.cap) {
    // Month Day(, Year) | Month Year
    const day = dayOf(toks[i + 1]);
    if (day !== undefined && !isYear(toks[i + 1].text)) {
      let to = i + 2;
      let year: number | null = null;
      const k = toks[to]?.text === "," ? to + 1 : to;
      if (toks[k] && isYear(toks[k].text)) {
        year = Number(toks[k].text);
        to = k + 1;
      }
      return { from: i, to, type: { t: "day-month", year, month, day, style: "md", withYear: year !== null }, relative: year === null, literal: true };
    }
    if (toks[i + 1] && isYear(toks[i + 1].text)) {
      return { from: i, to: i + 2, type: { t: "month-year", year: Number(toks[i + 1].text), month }, relative: false, literal: true };
    }
    return null;
  }
  // "the 30th of January (2005)": a spoken day-month, taken with its article so the blank reads "on ____".
  const nth = t.lower === "the" ? dayOf(toks[i + 1]) : undefined;
  if (nth !== undefined && /\d(st|nd|rd|th)$/.test(toks[i + 1].lower) && toks[i + 2]?.lower === "of" && monthOf(toks[i + 3]) && toks[i + 3].cap) {
    const y = toks[i + 4] && isYear(toks[i + 4].text) ? Number(toks[i + 4].text) : null;
    return {
      from: i,
      to: y === null ? i + 4 : i + 5,
      type: { t: "day-month", year: y, month: monthOf(toks[i + 3])!, day: nth, style: "dm", withYear: y !== null },
      relative: y === null,
      literal: true,
      spoken: true,
    };
  }
  const day = dayOf(t);
  if (day !== undefined && monthOf(toks[i + 1]) && toks[i + 1].cap) {
    const m = monthOf(toks[i + 1])!;
    const y = toks[i + 2] && isYear(toks[i + 2].text) ? Number(toks[i + 2].text) : null;
    return {
      from: i,
      to: y === null ? i + 2 : i + 3,
      type: { t: "day-month", year: y, month: m, day, style: "dm", withYear: y !== null },
      relative: y === null,
      literal: true,
    };
  }
  if (isYear(t.text) && (t.ent === "DATE" || YEAR_PREPS.test(toks[i - 1]?.lower ?? ""))) {
    // "2019 soldiers" is a count; "(1920-2005)" is a life span, not an event date.
    const next = toks[i + 1];
    if (next && /^(-|–|—)$/.test(next.text) && isYear(toks[i + 2]?.text ?? "")) return null;
    if (toks[i - 1] && /^(-|–|—)$/.test(toks[i - 1].text)) return null;
    if (next && next.pos === "NOUN" && /s$/.test(next.lower) && t.ent !== "DATE") return null;
    return { from: i, to: i + 1, type: { t: "year", year: Number(t.text) }, relative: false, literal: true };
  }
  return null;
}

function daysFrom(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Year of a month/day with no year, taken as the occurrence nearest the published date. */
export function resolveYear(month: number, day: number, published: DocContext["published"]): number | null {
  if (!published) return null;
  const p = daysFrom(published.year, published.month, published.day);
  let best = published.year;
  for (const y of [published.year - 1, published.year + 1]) {
    if (Math.abs(daysFrom(y, month, day) - p) < Math.abs(daysFrom(best, month, day) - p)) best = y;
  }
  return best;
}

const SMALL: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50 };

function addDays(p: { year: number; month: number; day: number }, n: number): { t: "day-month"; year: number; month: number; day: number; style: "md"; withYear: true } {
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day) + n * 86_400_000);
  return { t: "day-month", year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), style: "md", withYear: true };
}

const PERFECT_AUX = /^(?:have|has|'ve|’ve|\p{L}+'ve|\p{L}+’ve)$/u;
const PARTICIPLE = /^(?:\p{L}+(?:ed|en|wn|ne)|had|made|got|put|set|met|won|held|built|brought|kept|left|led|paid|said|sent|spent|taken|told|seen|come|become|begun)$/u;

/** A present perfect ("have/'ve/has" + participle) within six words of toks[i], either side. */
function presentPerfectNear(toks: Tok[], i: number): boolean {
  for (let k = Math.max(0, i - 6); k <= Math.min(toks.length - 2, i + 6); k++) {
    if (PERFECT_AUX.test(toks[k].lower) && PARTICIPLE.test(toks[k + 1].lower)) return true;
  }
  return false;
}

/**
 * A date the text gives relative to its own date, resolved against the published date:
 * "today", "this afternoon", "tonight", "yesterday", "tomorrow" (a day); "last year", "this year",
 * "next year", "a year ago", "two years ago", "a decade ago" (a year); "last month", "next month"
 * (a month); "in April" (a month of the nearest year). Approximations ("15 years or so ago", "some
 * weeks ago") and spans ("the next fortnight") are not dates and give nothing.
 */
export function relativeDateAt(toks: Tok[], i: number, doc: DocContext): DateHit | null {
  const p = doc.published;
  if (!p) return null;
  const t = toks[i];
  const w = (k: number) => toks[i + k]?.lower ?? "";
  const hit = (to: number, type: AnswerType): DateHit => ({ from: i, to, type, relative: true, literal: false });
  // "Today is a historic day", "today's agreement": the word is a noun, not a time adverbial.
  // ("The minister yesterday explained …": between a noun subject and its verb the word is the adverb.)
  // ("Today marks a turning point": a sentence-initial "Today" before a third-person verb is its subject.)
  const subjectOfVerb = i === 0 && /^(NOUN|VERB)$/.test(toks[1]?.pos ?? "") && /[^s']s$/.test(toks[1]?.lower ?? "");
  // (A past verb only: "the deal today shows …" would read "the deal on June 17, 2015 shows".)
  const adverbAfterSubject = /^(NOUN|PROPN)$/.test(toks[i - 1]?.pos ?? "") && toks[i + 1]?.pos === "VERB" && isPastVerb(toks[i + 1].lower);
  const nounUse = (/^(AUX|VERB)$/.test(toks[i + 1]?.pos ?? "") && !/^(the|a|we|i|they)$/.test(toks[i + 1]?.lower ?? "") && !adverbAfterSubject) || toks[i + 1]?.text === "'s" || subjectOfVerb;
  if (/^(today|tonight|yesterday|tomorrow)$/.test(t.lower) && (nounUse || /^(the|of)$/.test(toks[i - 1]?.lower ?? ""))) return null;
  // "Today, China is our largest partner": "today" as "nowadays" before a present-tense copula.
  if (t.lower === "today" && i === 0 && toks[1]?.text === "," && toks.slice(2, 8).some((x, k) => /^(is|are|has|have)$/.test(x.lower) && k < 5)) return null;
  // "Today we've had useful talks", "What we have done here today": a present perfect ties "today" to
  // the moment of speaking; "On 14 June 2012 we've had …" would break the tense, so no date card.
  if ((t.lower === "today" || t.lower === "tonight") && presentPerfectNear(toks, i)) return null;
  if (t.lower === "today" || t.lower === "tonight") return hit(i + 1, addDays(p, 0));
  if (t.lower === "yesterday") return hit(i + 1, addDays(p, -1));
  if (t.lower === "tomorrow") return hit(i + 1, addDays(p, 1));
  if (t.lower === "this" && /^(morning|afternoon|evening)$/.test(w(1))) return hit(i + 2, addDays(p, 0));
  // "the last month", "over the past year": a span, not a date.
  if (/^(last|next|this)$/.test(t.lower) && /^(year|month)$/.test(w(1)) && !/^(or|and)$/.test(w(2)) && !/^(the|over|past|during|for)$/.test(toks[i - 1]?.lower ?? "")) {
    const d = t.lower === "last" ? -1 : t.lower === "next" ? 1 : 0;
    if (w(1) === "year") return hit(i + 2, { t: "year", year: p.year + d });
    const m0 = p.month - 1 + d;
    return hit(i + 2, { t: "month-year", year: p.year + Math.floor(m0 / 12), month: ((m0 % 12) + 12) % 12 + 1 });
  }
  // "a year ago", "two years ago", "a decade ago", "20 years ago" (never "or so ago").
  const n = /^\d{1,3}$/.test(t.text) ? Number(t.text) : SMALL[t.lower];
  if (n !== undefined && /^(years?|decades?)$/.test(w(1)) && w(2) === "ago") {
    if ((n === 1) !== /^(year|decade)$/.test(w(1))) return null;
    return hit(i + 3, { t: "year", year: p.year - n * (w(1).startsWith("decade") ? 10 : 1) });
  }
  // "in April" with no day and no year: the month nearest the published date.
  const month = monthOf(t);
  if (month && t.cap && /^(in|by|until|since|during|from)$/.test(toks[i - 1]?.lower ?? "") && dayOf(toks[i + 1]) === undefined && !isYear(toks[i + 1]?.text ?? "")) {
    // "May" is also a verb: only after a preposition, and never "in May to …" ambiguity beyond that.
    let year = impliedYear(month, 15, t.start, doc, toks);
    // "Since January" counts up to the text's date: the month lies before it, never after (a text of
    // October is about the January just gone, not the next one; blind reading of a holdout text).
    if (year !== null && toks[i - 1].lower === "since" && (year > p.year || (year === p.year && month > p.month))) year -= 1;
    return year === null ? null : { from: i, to: i + 1, type: { t: "month-year", year, month }, relative: true, literal: false };
  }
  return null;
}

const yearsCache = new WeakMap<DocContext, { at: number; year: number }[]>();

/** Every explicit year the document writes ("1914", "in 2019"), in text order. */
export function explicitYears(doc: DocContext): { at: number; year: number }[] {
  let ys = yearsCache.get(doc);
  if (!ys) {
    ys = [];
    for (const m of doc.masked.matchAll(/(?<![\p{L}\p{N}$£€.,'-])(1[5-9]\d\d|20\d\d)(?![\p{N}%]|,\d)/gu)) ys.push({ at: m.index, year: Number(m[1]) });
    yearsCache.set(doc, ys);
  }
  return ys;
}

/**
 * The year of a month and day written without one ("On June 28, …"). A text about the past — one
 * whose explicit years all lie more than three years before its publication, or one with no
 * publication date — is read as a narrative: the year is the last one written before the date
 * (else the first after it) — but only in a sentence told in the past (`toks`, when given): "It
 * enters into force in June" or "will meet in May" in such a text speaks of its own present, and
 * the last year written (decades back, perhaps) would make a false date, so the answer is null (no
 * date). Otherwise the date is the occurrence nearest publication (news).
 */
export function impliedYear(month: number, day: number, at: number, doc: DocContext, toks?: Tok[]): number | null {
  const ys = explicitYears(doc);
  const historical = ys.length > 0 && (!doc.published || ys.every((y) => y.year < doc.published!.year - 3));
  if (!historical) return resolveYear(month, day, doc.published);
  if (toks) {
    const { future, past } = tenseMarks(toks);
    if (future || !past) return null;
  }
  let year: number | null = null;
  for (const y of ys) {
    if (y.at > at) break;
    year = y.year;
  }
  return year ?? ys[0].year;
}

/**
 * The year "the year" means at offset `at` ("by the end of the year"): the publication year in a
 * text about the present; in a text about the past, an explicit year written in the 400 characters
 * before it, else null (the narrative may have moved on to a year the rules cannot see).
 */
export function documentYearAt(at: number, doc: DocContext): number | null {
  const ys = explicitYears(doc);
  const historical = ys.length > 0 && (!doc.published || ys.every((y) => y.year < doc.published!.year - 3));
  if (!historical) return doc.published?.year ?? null;
  let last: { at: number; year: number } | null = null;
  for (const y of ys) {
    if (y.at > at) break;
    last = y;
  }
  return last && at - last.at <= 400 ? last.year : null;
}

export function findDates(s: Sentence, doc: DocContext): DateHit[] {
  const hits: DateHit[] = [];
  const toks = s.tokens;
  for (let i = 0; i < toks.length; i++) {
    const wd = WEEKDAYS.indexOf(toks[i + 1]?.lower ?? "");
    const explicit = monthOf(toks[i + 2]) || (toks[i + 2]?.text === "," && (monthOf(toks[i + 3]) || dayOf(toks[i + 3])));
    if (doc.published && wd >= 0 && /^(last|next|this)$/.test(toks[i].lower) && !explicit) {
      const r = resolveWeekday(toks[i].lower, wd, doc.published);
      hits.push({ from: i, to: i + 2, type: { t: "day-month", year: r.y, month: r.m, day: r.d, style: "md", withYear: true }, relative: true, literal: false });
      i++;
      continue;
    }
    const rel = dateAt(toks, i) ? null : (relativeDateAt(toks, i, doc) ?? moreRelativeDateAt(toks, i, doc, (at) => documentYearAt(at, doc)));
    if (rel) {
      hits.push(rel);
      i = rel.to - 1;
      continue;
    }
    const hit = dateAt(toks, i);
    if (!hit) continue;
    if (hit.type.t === "day-month" && !hit.type.withYear) {
      // "this Wednesday, February 2": the weekday phrase confirms a date relative to publication.
      const y = impliedYear(hit.type.month, hit.type.day, toks[i].start, doc, toks);
      hit.type = { ...hit.type, year: y };
      const k = toks[i - 1]?.text === "," ? i - 2 : i - 1;
      hit.relative = WEEKDAY.test(toks[k]?.lower ?? "") && RELATIVE.test(toks[k - 1]?.lower ?? "");
    }
    if (hit.spoken && hit.type.t === "day-month" && hit.type.year !== null) {
      hit.literal = false;
      hit.type = { ...hit.type, style: "md", withYear: true };
    }
    hits.push(hit);
    i = hit.to - 1;
  }
  return hits;
}

/** A resolved date as the cards write it: "June 14, 2012", "November 2009", "2014". */
export function resolvedDateText(ty: AnswerType): string | null {
  if (ty.t === "day-month") return ty.year === null ? null : `${MONTH_NAMES[ty.month - 1]} ${ty.day}, ${ty.year}`;
  if (ty.t === "month-year") return `${MONTH_NAMES[ty.month - 1]} ${ty.year}`;
  if (ty.t === "year") return String(ty.year);
  return null;
}

export function extractDates(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    // A quoted sentence keeps the dates of its narrator's frame, before the quotation (quote-frames.ts).
    const quoteAt = isFactual(s) ? null : quotationAfterFrame(s, doc.masked);
    if (!isFactual(s) && !(quoteAt !== null && isFactual({ ...s, quoted: false }))) continue;
    for (const hit of findDates(s, doc)) {
      if (quoteAt !== null && hit.to > quoteAt) continue;
      const from = s.tokens[hit.from];
      const last = s.tokens[hit.to - 1];
      const ty = hit.type;
      const answer = hit.literal
        ? doc.masked.slice(from.start, last.end).replace(/\s+/g, " ")
        : ty.t === "day-month"
          ? `${MONTH_NAMES[ty.month - 1]} ${ty.day}, ${ty.year}`
          : ty.t === "month-year"
            ? `${MONTH_NAMES[ty.month - 1]} ${ty.year}`
            : ty.t === "year"
              ? String(ty.year)
              : doc.masked.slice(from.start, last.end);
      // The cloze replaces the text's own words ("today", "a decade ago") with the resolved date.
      const prep = /^(on|in|at|by|since|until|from|before|after|during|of)$/.test(s.tokens[hit.from - 1]?.lower ?? "");
      const blank = hit.literal ? undefined : "blank" in hit && typeof hit.blank === "string" ? hit.blank : prep || (ty.t === "month-year" && monthOf(from) !== undefined) ? "____" : ty.t === "day-month" ? "on ____" : "in ____";
      const written = hit.literal ? undefined : doc.masked.slice(from.start, last.end).replace(/\s+/g, " ");
      const fields: Record<string, unknown> =
        ty.t === "year"
          ? { year: ty.year }
          : ty.t === "month-year"
            ? { year: ty.year, month: ty.month }
            : ty.t === "day-month"
              ? { year: ty.year, month: ty.month, day: ty.day, resolved: !ty.withYear && ty.year !== null }
              : {};
      if (ty.t === "day-month" && ty.year !== null) {
        fields.iso = `${ty.year}-${String(ty.month).padStart(2, "0")}-${String(ty.day).padStart(2, "0")}`;
      }
      out.push({
        kind: "date",
        sentence: s,
        answer,
        start: from.start,
        end: last.end,
        answerType: ty,
        fields: { ...fields, event: s.text, ...(written ? { written } : {}) },
        ...(blank ? { blank } : {}),
        // A date standing as a determiner ("the 2008 visit") is no adverbial a "When …?" can take out.
        question: "blank" in hit && hit.blank ? undefined : (dateQuestion(s, hit.from, hit.to, doc.masked) ?? undefined),
      });
    }
  }
  return out;
}
