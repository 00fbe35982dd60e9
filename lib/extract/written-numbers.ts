// Numbers written in shapes the tokenizer does not read as one quantity: vote tallies ("by 85–1",
// "a vote of 68 to 32"), money ranges ("£35-39 billion"), money glued to its scale ("$300million"),
// periods of years ("2019-20", "the 2014-20 budget"), a force's strength ("a 450-strong force")
// the rank of an edition ("the twelfth competition"), ranks glued to a superlative ("fourth-largest"),
// "20-plus", durations as compound adjectives ("a two-day summit"), ranks after a verb of ranking
// ("ranked third"), decades ("in the mid-1990s"), ranges ("between 40% and 45%") and clipped years ("the spirit of '41"). Each is read from the sentence text
// with its offsets, so the cloze blanks exactly what the text writes.
import type { Candidate, DocContext } from "./candidate";
import { explicitYears } from "./dates";
import { isFactual, type Sentence } from "./sentences";
import { ordinalValue, parseNumber } from "./text";

interface Shape {
  re: RegExp;
  kind: Candidate["kind"];
  format: string;
  /** Which group is the answer (0 = the whole match). */
  group?: number;
  /** Words that must come shortly before the match (a tally is a vote). */
  before?: RegExp;
}

const SHAPES: Shape[] = [
  { re: /(?<![\p{L}\p{N}.,])\d{1,3}\s?(?:–|-|to)\s?\d{1,3}(?![\p{N}%]|\s?(?:per|%|years?|months?|days?|billion|million))/gu, kind: "number", format: "tally", before: /\b(vot\w*|approved|passed|rejected|margin|ballot|tally)\b[^.]{0,40}$/i },
  { re: /[$€£¥]\d+(?:\.\d+)?\s?[-–]\s?\d+(?:\.\d+)?\s?(?:billion|million|bn|m)\b/gu, kind: "number", format: "money-range" },
  { re: /[$€£¥]\d+(?:\.\d+)?(?:billion|million|bn)\b/gu, kind: "number", format: "money" },
  { re: /(?<![\p{L}\p{N}])(?:1[6-9]|20)\d\d\s?[-–]\s?(?:\d\d)(?![\p{N}])/gu, kind: "date", format: "period" },
  { re: /(?<![\p{L}\p{N}.,])(\d[\d,]*)-strong\b/gu, kind: "number", format: "strength", group: 1 },
  // "for 20-plus years": a bound, asked as written (no near distractor: see isApproximate).
  { re: /(?<![\p{L}\p{N}.,])\d{1,4}-plus(?=\s\p{L})/gu, kind: "number", format: "plus" },
  // "between 40% and 45%", "between $2 million and $3 million": a range is one answer, not two
  // bounds each shown beside the other's blank.
  { re: /(?<=\bbetween\s)[$€£¥]?\d+(?:,\d{3})*(?:\.\d+)?(?:%| per cent| percent| million| billion)? and [$€£¥]?\d+(?:,\d{3})*(?:\.\d+)?(?:%| per cent| percent| million| billion)?(?![\p{N}])/gu, kind: "number", format: "range" },
  // "the fourth-largest port", "the second-biggest party": a rank glued to its superlative.
  { re: /\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))-(?:largest|biggest|highest|lowest|smallest|most|least|busiest|richest|poorest|oldest|longest|fastest|strongest)\b/giu, kind: "number", format: "ordinal", group: 1 },
  // "in the 1990s", "during the mid-1990s", "since the early 1980s": a decade is a date, asked as written.
  { re: /(?<=\b(?:in|during|since|by|until|through|throughout|from|of)\sthe\s)(?:(?:early|mid|late)(?:-|\s))?(?:1[5-9]|20)\d0s(?![\p{L}\p{N}])/gu, kind: "date", format: "decade" },
  // "a two-day summit", "a 12-month deployment": a duration written as a compound adjective, asked
  // whole ("a ____ summit"). Not after "an" (the article would narrow the answer), not an age ("-old").
  { re: /(?<=\b(?:a|the|its|their|his|her)\s)(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred)-(?:hour|day|week|month|year|decade)(?![\p{L}-]|\s+old\b)(?=\s\p{Ll})/gu, kind: "number", format: "compound-duration" },
  // "ranked third", "finished second", "placed 14th": a rank after a verb of ranking ("first" is too
  // often an order of events: "came first to the island").
  { re: /(?<=\b(?:rank|ranks|ranked|finished|finishes|placed|places|came|comes)\s(?:in\s)?)(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))\b(?!-)/giu, kind: "number", format: "rank" },
];

// "the twelfth competition", "the fourth summit": the rank of an edition or meeting (not "the first time").
const EDITION = /\bthe\s+((?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|\d{1,3}(?:st|nd|rd|th)))\s+(edition|competition|summit|session|meeting|conference|congress|round|race|tour|games|championship|anniversary|amendment|century)\b/gi;

/** "two-day" is also "2-day", "two day", "2 day" (and "twelve-month" "12-month"). */
function compoundVariants(written: string, value: number): string[] {
  const [num, unit] = written.split("-");
  const digits = Number.isNaN(value) ? num : String(value);
  return [...new Set([`${digits}-${unit}`, `${num} ${unit}`, `${digits} ${unit}`])].filter((v) => v !== written);
}

function hits(s: Sentence, doc: DocContext): Candidate[] {
  const body = doc.masked.slice(s.bodyStart, s.bodyEnd);
  const out: Candidate[] = [];
  const taken: [number, number][] = [];
  const push = (start: number, end: number, kind: Candidate["kind"], format: string, value: number) => {
    if (taken.some(([a, b]) => a < end && start < b)) return;
    taken.push([start, end]);
    const answer = body.slice(start, end);
    out.push({
      kind,
      sentence: s,
      answer,
      start: s.bodyStart + start,
      end: s.bodyStart + end,
      answerType:
        format === "strength"
          ? { t: "number", value, unit: "strong", style: "digits", format: "plain" }
          : format === "rank"
            ? { t: "number", value, unit: "rank", style: /\d/.test(answer) ? "digits" : "words", format: "ordinal" }
            : { t: "phrase" },
      fields: { format, value: Number.isNaN(value) ? undefined : value },
    });
  };
  for (const sh of SHAPES) {
    sh.re.lastIndex = 0;
    for (let m = sh.re.exec(body); m; m = sh.re.exec(body)) {
      if (sh.before && !sh.before.test(body.slice(Math.max(0, m.index - 60), m.index))) continue;
      const g = sh.group ?? 0;
      const start = m.index + (g ? m[0].indexOf(m[g]) : 0);
      const value = sh.format === "ordinal" || sh.format === "rank" ? ordinalValue(m[g]) : parseNumber(m[g].replace(/[-–].*$/, ""));
      push(start, start + m[g].length, sh.kind, sh.format, value);
      if (sh.format === "compound-duration") out[out.length - 1].fields.alsoAccepted = compoundVariants(m[0], value);
      // "mid-1990s" is also "mid 1990s" (and the other way round).
      if (sh.format === "decade" && /\s|-/.test(m[0])) out[out.length - 1].fields.alsoAccepted = [m[0].includes("-") ? m[0].replace("-", " ") : m[0].replace(" ", "-")];
    }
  }
  EDITION.lastIndex = 0;
  for (let m = EDITION.exec(body); m; m = EDITION.exec(body)) {
    const start = m.index + m[0].indexOf(m[1]);
    push(start, start + m[1].length, "number", "edition", ordinalValue(m[1]));
  }
  return out;
}

// "the spirit of '41", "since '98": a year clipped to two digits after a preposition or "the".
const CLIPPED = /(?<=\b(?:of|in|since|from|until|by|the)\s)['\u2019](\d\d)(?![\p{L}\p{N}'\u2019])/gu;

/**
 * The full year of a clipped "'81" at offset `at`, or null when it is not certain. In a text that
 * writes full years, the century puts it within 30 years of the nearest one (a narrative of the
 * 1870s reads "'81" as 1881) and no other century comes within 50; in a text without, the century
 * before publication, only when the two digits lie above the publication year's own ("'41" in a
 * text of 2019 is 1941; "'15" could be 1915 or 2015).
 */
export function clippedYear(yy: number, at: number, doc: DocContext): number | null {
  const p = doc.published;
  const ys = explicitYears(doc);
  if (ys.length) {
    const anchor = ys.reduce((best, y) => (Math.abs(y.at - at) < Math.abs(best.at - at) ? y : best)).year;
    const options = [17, 18, 19, 20].map((c) => c * 100 + yy).filter((y) => !p || y <= p.year);
    const near = options.filter((y) => Math.abs(y - anchor) <= 30);
    if (near.length !== 1 || options.some((y) => y !== near[0] && Math.abs(y - anchor) < 50)) return null;
    return near[0];
  }
  if (!p || yy <= p.year % 100) return null;
  return (Math.floor(p.year / 100) - 1) * 100 + yy;
}

/** Clipped years in a sentence ("the spirit of '41"): a date, not a count of 41 (see clippedYear). */
function clippedYears(s: Sentence, doc: DocContext): Candidate[] {
  const body = doc.masked.slice(s.bodyStart, s.bodyEnd);
  const out: Candidate[] = [];
  CLIPPED.lastIndex = 0;
  for (let m = CLIPPED.exec(body); m; m = CLIPPED.exec(body)) {
    const year = clippedYear(Number(m[1]), s.bodyStart + m.index, doc);
    if (year === null) continue;
    out.push({
      kind: "date",
      sentence: s,
      answer: String(year),
      start: s.bodyStart + m.index,
      end: s.bodyStart + m.index + m[0].length,
      answerType: { t: "year", year },
      fields: { year, written: m[0], clipped: true, alsoAccepted: [m[0]] },
      blank: "____",
    });
  }
  return out;
}

export function extractWrittenNumbers(doc: DocContext): Candidate[] {
  return doc.sentences.filter(isFactual).flatMap((s) => [...hits(s, doc), ...clippedYears(s, doc)]);
}
