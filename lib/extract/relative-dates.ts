// More dates a text gives relative to its own date, each resolved only when the resolution is
// certain (dates.ts `relativeDateAt` holds the common ones: today, yesterday, last year, in April):
// - "the end of the year", "the beginning/start/middle/rest of the year": the year of the
//   document (its narrative year in a text about the past);
// - "next week", "last week", "this week": the month (and year) — only when every day of that
//   week lies in one month, so the month is certain; a week across two months gives nothing;
// - "in early August", "by mid-August", "in late May": the month of the nearest year, like "in
//   August";
// - "three months from now": the month that many months after publication;
// - "last year's visit", "next month's vote": the year or month as a determiner ("the 2008 visit");
// - "on Monday": a day of the week around publication, read from the clause's tense ("met on
//   Monday" the Monday before, "will meet on Monday" the Monday after), never the publication's own
//   weekday and never when the tense is unclear.
// Not dates, and so no card: spans ("the next fortnight", "within three weeks"), approximations
// ("some weeks ago", "a few months from now"), and dates relative to another event in the text
// ("one month following its conclusion"), whose anchor the rules cannot resolve with certainty.
import type { AnswerType, DocContext } from "./candidate";
import type { Tok } from "./sentences";

export interface RelativeHit {
  from: number;
  to: number;
  type: AnswerType;
  relative: true;
  literal: false;
  /** The cloze's words in place of the written ones, when not the usual "in ____" / "on ____". */
  blank?: string;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const COUNT: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

function monthYear(year: number, month0: number): AnswerType {
  return { t: "month-year", year: year + Math.floor(month0 / 12), month: (((month0 % 12) + 12) % 12) + 1 };
}

/**
 * The month of the calendar week (Monday to Sunday) `weeks` weeks from the published date's week,
 * or null when that week spans two months.
 */
export function weekMonth(p: { year: number; month: number; day: number }, weeks: number): AnswerType | null {
  const base = Date.UTC(p.year, p.month - 1, p.day);
  const dow = (new Date(base).getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(base + (weeks * 7 - dow) * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  if (monday.getUTCMonth() !== sunday.getUTCMonth()) return null;
  return monthYear(monday.getUTCFullYear(), monday.getUTCMonth());
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const FUTURE = /^(will|shall|'ll|’ll|wo)$/;
const PAST_AUX = /^(was|were|had|did)$/;
const PAST_VERB = /^\p{L}+ed$|^(met|held|made|said|told|left|began|won|lost|sent|took|gave|came|went|saw|signed|spoke|wrote|chose|rose|fell|struck|voted|agreed)$/u;

/** A past-tense verb form by its shape ("explained", "met"): the regular "-ed" and common irregular ones. */
export const isPastVerb = (lower: string): boolean => PAST_VERB.test(lower);

/**
 * Whether tokens hold a future marker ("will", "shall", "'ll", "is to") and a past one ("was",
 * "had", "did", a past-tense verb not after "have"/"will"/"be"), by the words' shapes.
 */
export function tenseMarks(clause: Tok[]): { future: boolean; past: boolean } {
  const future = clause.some((t, k) => FUTURE.test(t.lower) || (t.lower === "to" && /^(is|are|was|were)$/.test(clause[k - 1]?.lower ?? "")));
  const past = clause.some((t, k) => PAST_AUX.test(t.lower) || (t.pos === "VERB" && PAST_VERB.test(t.lower) && !/^(have|has|'ve|will|would|be|been)$/.test(clause[k - 1]?.lower ?? "")));
  return { future, past };
}

/**
 * "on Monday" in a clause of known tense: in the past, the last such weekday before the published
 * date (1–6 days back); in the future ("will"), the next one (1–6 days ahead). Null when the tense
 * is unclear, mixed, or the weekday is the publication day itself (then "on Monday" may mean a week
 * away). Source: news style, where a bare weekday names a day of the current week.
 */
export function weekdayByTense(toks: Tok[], at: number, weekday: number, p: { year: number; month: number; day: number }): { year: number; month: number; day: number } | null {
  const { future, past } = tenseMarks(toks.slice(0, at));
  if (future === past) return null;
  const base = Date.UTC(p.year, p.month - 1, p.day);
  const dow = new Date(base).getUTCDay();
  if (dow === weekday) return null;
  const delta = past ? -((dow - weekday + 7) % 7) : (weekday - dow + 7) % 7;
  const d = new Date(base + delta * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * A relative date starting at toks[i] (see the file comment), or null. `documentYear` gives the
 * year "the year" means at a position (the narrative year of a text about the past).
 */
export function moreRelativeDateAt(toks: Tok[], i: number, doc: DocContext, documentYear: (at: number) => number | null): RelativeHit | null {
  const p = doc.published;
  const t = toks[i];
  const w = (k: number) => toks[i + k]?.lower ?? "";
  const hit = (to: number, type: AnswerType): RelativeHit => ({ from: i, to, type, relative: true, literal: false });
  // "until the end of the year": the blank replaces "the year".
  if (t.lower === "the" && w(1) === "year" && toks[i - 1]?.lower === "of" && /^(end|beginning|start|middle|rest|course|close)$/.test(toks[i - 2]?.lower ?? "")) {
    // "the end of the year or early next year", "… and the next": two times, no one answer.
    // ("… until the end of the year and then …" joins the next clause, not a second time.)
    if (w(2) === "or" || (w(2) === "and" && !/^(then|after|so|we|it|they|there)$/.test(w(3))) || /^(a|an)$/.test(toks[i - 3]?.lower ?? "")) return null;
    const year = documentYear(t.start);
    return year === null ? null : hit(i + 2, { t: "year", year });
  }
  if (!p) return null;
  // "last year's state visit" → "the ____ state visit" (a determiner: "the 2008 state visit"). Not
  // "today's" / "yesterday's", which often mean "of our time" / "of the past" (dates.ts).
  if (/^(last|next|this)$/.test(t.lower) && /^(year|month)$/.test(w(1)) && /^['’]s$/.test(toks[i + 2]?.text ?? "") && toks[i + 3]?.pos !== "PUNCT") {
    const d = t.lower === "last" ? -1 : t.lower === "next" ? 1 : 0;
    const type: AnswerType = w(1) === "year" ? { t: "year", year: p.year + d } : monthYear(p.year, p.month - 1 + d);
    return { ...hit(i + 3, type), blank: i === 0 ? "The ____" : "the ____" };
  }
  // "next week" / "last week" / "this week" (not "the next week", a span of seven days).
  if (/^(next|last|this)$/.test(t.lower) && w(1) === "week" && !/^(the|over|past|during|for|within)$/.test(toks[i - 1]?.lower ?? "")) {
    const ty = weekMonth(p, t.lower === "next" ? 1 : t.lower === "last" ? -1 : 0);
    return ty ? hit(i + 2, ty) : null;
  }
  // "in early August", "by mid-August", "in late May": the month of the nearest year.
  if (/^(early|late|mid|mid-)$/.test(t.lower) && /^(in|by|until|since|from|during)$/.test(toks[i - 1]?.lower ?? "")) {
    let k = i + 1;
    if (toks[k]?.text === "-") k++;
    const m = MONTHS.indexOf(toks[k]?.lower ?? "");
    if (m < 0 || !toks[k].cap || /^\d/.test(toks[k + 1]?.text ?? "")) return null;
    // The month nearest publication (at most six months either way).
    const diff = m - (p.month - 1);
    const year = diff > 6 ? p.year - 1 : diff < -6 ? p.year + 1 : p.year;
    return { from: k, to: k + 1, type: { t: "month-year", year, month: m + 1 }, relative: true, literal: false };
  }
  // "on Monday": the weekday of the week around publication, by the clause's tense (weekdayByTense).
  // (Only in a text about its own present: in a narrative of the past the week is the narrative's.)
  if (t.lower === "on" && WEEKDAYS.includes(w(1)) && toks[i + 1].cap && documentYear(t.start) === p.year) {
    const explicit = /^(,|the)$/.test(w(2)) || /^\d/.test(toks[i + 2]?.text ?? "") || MONTHS.includes(w(2));
    const day = explicit ? null : weekdayByTense(toks, i, WEEKDAYS.indexOf(w(1)), p);
    return day ? { from: i + 1, to: i + 2, type: { t: "day-month", year: day.year, month: day.month, day: day.day, style: "md", withYear: true }, relative: true, literal: false } : null;
  }
  // "three months from now" (never "a few months", never weeks: a week count lands on a day the
  // text does not name).
  const n = /^\d{1,2}$/.test(t.text) ? Number(t.text) : COUNT[t.lower];
  if (n !== undefined && /^months?$/.test(w(1)) && (n === 1) === (w(1) === "month")) {
    if (w(2) === "from" && w(3) === "now") return hit(i + 4, monthYear(p.year, p.month - 1 + n));
  }
  return null;
}
