// Text clean-up by masking: everything that is not body text (titles, headings, footers,
// speaker labels, editor's notes in brackets) is overwritten with spaces, so the masked
// text has the same length as the input and every offset found in it is an offset into
// the original document.

export interface Span {
  start: number;
  end: number;
}

export interface Cleaned {
  masked: string;
  /** Speaker labels removed from the start of lines ("RFI", "Andrei Pyatakov"). */
  speakers: (Span & { label: string })[];
  removed: (Span & { reason: "header" | "heading" | "footer" | "dateline" | "speaker" | "note" | "bullet" })[];
  /** Metadata lines at the top ("title: …", "published: 2015-06-17", or YAML front matter). */
  meta: { title?: string; published?: string; spokenOn?: string };
}

// "title: …" / "published: …" lines before the first blank line, or a "---" front-matter block:
// document metadata, never body text.
const META_LINE = /^(title|source|published|date|author|byline|original|url|language|lang|tags?)\s*:\s*(.*)$/i;

/** The header block's end offset (0 when there is none) and the metadata it carries. */
export function readHeader(text: string): { end: number; meta: Cleaned["meta"] } {
  const meta: Cleaned["meta"] = {};
  const lines = text.split("\n");
  let k = 0;
  let at = 0;
  const fenced = lines[0]?.trim() === "---";
  if (fenced) {
    at = lines[0].length + 1;
    k = 1;
  }
  let found = 0;
  for (; k < lines.length; k++) {
    const line = lines[k];
    if (fenced && line.trim() === "---") return { end: at + line.length, meta };
    if (!fenced && line.trim() === "") break;
    const m = META_LINE.exec(line.trim());
    if (!m) {
      if (!fenced) return found ? { end: at, meta } : { end: 0, meta: {} };
      at += line.length + 1;
      continue;
    }
    found++;
    const key = m[1].toLowerCase();
    const value = m[2].trim().replace(/^["']|["']$/g, "");
    if (key === "title") meta.title = value;
    if ((key === "published" || key === "date") && /^\d{4}-\d{2}-\d{2}/.test(value)) meta.published = value.slice(0, 10);
    at += line.length + 1;
  }
  if (fenced) return { end: 0, meta: {} };
  return found ? { end: Math.min(at, text.length), meta } : { end: 0, meta: {} };
}

const QUOTE = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/;
const APOS = /[\u2018\u2019\u201a\u201b\u2032]/;
const SPACE = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

function normalizeChars(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    if (ch === "\n") out += ch;
    else if (code < 32 || code === 127 || (code >= 0x80 && code < 0xa0) || ch === "\ufffd") out += " ";
    else if (QUOTE.test(ch)) out += '"';
    else if (APOS.test(ch)) out += "'";
    else if (SPACE.test(ch)) out += " ";
    else out += ch;
  }
  return out;
}

const FOOTER =
  /^(©|\(c\)|copyright\b|all rights reserved|read (also|more)\b|see also\b|share (this|on)\b|follow us\b|subscribe\b|sign up\b|photo\s*:|credits?\s*:|source\s*:|related\s*:)/i;
const FINAL_PUNCT = /[.!?…;:]$/;
// "BERLIN, 10 March 2025 — " / "HANOI, Nov 19 (Meridian Wire) - ": where and when a wire story was filed.
const DATELINE =
  /^(\s*)[A-Z][A-Z .'-]{2,30}(?:,\s(?=[^\n—–]{0,40}?[\d(])[^\n—–]{0,40}?|\s\([^)\n]{1,30}\))\s[—–-]{1,2}\s(?=\p{Lu})/u;
const SPEAKER =
  /^(\s*)((?:[A-Z][\p{L}'.-]*)(?:\s+(?:[A-Z][\p{L}'.-]*|de|da|van|von|del|la|le|bin|al)){0,4})\s*:\s+(?=["'(]?\p{L})/u;
const EDITOR_PAREN =
  /\((?=[^()\n]*\b(?:ndlr|nldr|n\.d\.l\.r|editor'?s note|ed\.|translator'?s note|note de la rédaction)\b)[^()\n]{0,300}\)/giu;
const BRACKET = /\[[^\]\n]{0,400}\]/g;
// A list marker at the start of a line ("A. ", "(b) ", "iv) ", "3. ", "- ", "• "): formatting,
// never part of a card; the item after it is an ordinary sentence.
const BULLET = /^(\s*)(?:[A-Za-z]\.|\(?[a-z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)|\(?\d{1,3}[.)]|[-*•▪►–])\s+(?=["'(]?\p{Lu})/u;

function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) if (chars[i] !== "\n") chars[i] = " ";
}

function isHeadingLine(line: string): boolean {
  const t = line.trim().replace(/["')\]*_]+$/, "").trim();
  if (/^#{1,6}\s/.test(line.trim())) return true;
  if (t === "") return false;
  if (FINAL_PUNCT.test(t)) return false;
  // A long line without final punctuation is more likely a paragraph missing its full stop.
  return t.split(/\s+/).length <= 20;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

// "The programme was broadcast live on Monday, 13 October 2025", "recorded on March 3, 2025": the day
// a transcript's words were said, which its "today" and "this morning" mean (publication may be later).
const SPOKEN_ON =
  /\b(?:broadcast|aired|recorded|delivered|filmed|conducted|took place|was held|were held)\b[^.\]\n]{0,60}?\bon\s+((?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}))/;

/** The day a transcript says it was spoken, from a note near its top (first 1,500 characters), as YYYY-MM-DD. */
export function spokenOn(text: string): string | undefined {
  const m = SPOKEN_ON.exec(text.slice(0, 1500));
  return m ? datelineDate(m[1]) : undefined;
}

/** "3 March 2025" or "March 3, 2025" in a dateline, as YYYY-MM-DD (undefined without a year). */
export function datelineDate(s: string): string | undefined {
  const dm = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})\b/.exec(s);
  const md = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(s);
  const [day, mon, year] = dm ? [dm[1], dm[2], dm[3]] : md ? [md[2], md[1], md[3]] : [];
  const m = mon ? MONTHS.indexOf(mon.slice(0, 3).toLowerCase()) : -1;
  if (m < 0 || !day || !year || Number(day) > 31) return undefined;
  return `${year}-${String(m + 1).padStart(2, "0")}-${String(Number(day)).padStart(2, "0")}`;
}

export function clean(input: string): Cleaned {
  const text = normalizeChars(input);
  const chars = text.split("");
  const speakers: Cleaned["speakers"] = [];
  const removed: Cleaned["removed"] = [];
  const header = readHeader(text);
  const meta: Cleaned["meta"] = { ...header.meta, spokenOn: spokenOn(text) };
  if (header.end > 0) {
    blank(chars, 0, header.end);
    removed.push({ start: 0, end: header.end, reason: "header" });
  }

  let lineStart = header.end;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() !== "") {
      if (FOOTER.test(line.trim())) {
        blank(chars, lineStart, lineEnd);
        removed.push({ start: lineStart, end: lineEnd, reason: "footer" });
      } else if (isHeadingLine(line.replace(BRACKET, ""))) {
        blank(chars, lineStart, lineEnd);
        removed.push({ start: lineStart, end: lineEnd, reason: "heading" });
      } else {
        const b = BULLET.exec(line);
        if (b) {
          blank(chars, lineStart + b[1].length, lineStart + b[0].length);
          removed.push({ start: lineStart + b[1].length, end: lineStart + b[0].length, reason: "bullet" });
        }
        const d = DATELINE.exec(line);
        if (d) {
          // "GENEVA, 3 March 2025 — ": the dateline dates the text when no published date is given.
          meta.published ??= datelineDate(d[0]);
          const start = lineStart + d[1].length;
          blank(chars, start, lineStart + d[0].length);
          removed.push({ start, end: lineStart + d[0].length, reason: "dateline" });
        }
        const m = d ? null : SPEAKER.exec(line);
        if (m) {
          const labelStart = lineStart + m[1].length;
          const end = lineStart + m[0].length;
          speakers.push({ label: m[2].trim(), start: labelStart, end: labelStart + m[2].trim().length });
          blank(chars, lineStart, end);
          removed.push({ start: lineStart, end, reason: "speaker" });
        }
      }
    }
    lineStart = lineEnd + 1;
  }

  const masked0 = chars.join("");
  const out = masked0.split("");
  for (const re of [BRACKET, EDITOR_PAREN]) {
    re.lastIndex = 0;
    for (let m = re.exec(masked0); m; m = re.exec(masked0)) {
      blank(out, m.index, m.index + m[0].length);
      removed.push({ start: m.index, end: m.index + m[0].length, reason: "note" });
    }
  }
  return { masked: out.join(""), speakers, removed, meta };
}
