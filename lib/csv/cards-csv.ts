// Cards in and out as CSV (csv-parse / csv-stringify, RFC 4180 quoting).
// Import: one card per row, columns front, back and optional tags (space-
// separated). With a header row the columns are found by name (front/question/
// prompt, back/answer, tags) and others are ignored, so Recall's own export
// imports back as it is; without one, the first columns are front, back, tags.
// Every row is checked before anything is saved; problems are listed by row
// (as a spreadsheet numbers them, the header being row 1).
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { isCleanText } from "../validation/text";

/** Largest CSV accepted, in bytes (the import page states it). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** Most rows one CSV import takes. */
export const MAX_CSV_ROWS = 10_000;
/** Longest front or back, in characters. */
export const MAX_SIDE_CHARS = 2_000;

export interface CsvCardRow {
  /** 1-based row number in the file, the header included (for messages). */
  line: number;
  front: string;
  back: string;
  tags: string[];
}

export interface CsvRowError {
  line: number;
  message: string;
}

export interface ParsedCsv {
  rows: CsvCardRow[];
  errors: CsvRowError[];
  /** True when the first row was a header (front,back[,tags]) and was skipped. */
  header: boolean;
}

const FRONT = /^(front|question|prompt)$/i;
const BACK = /^(back|answer)$/i;
const TAGS = /^tags?$/i;

/** Parses a cards CSV (comma, semicolon or tab separated). Throws Error with a learner-facing message when the file itself is unusable. */
export function parseCardsCsv(text: string): ParsedCsv {
  if (text.trim() === "") throw new Error("The file is empty.");
  if (new TextEncoder().encode(text).length > MAX_CSV_BYTES) throw new Error(`The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB.`);
  if (text.includes("\u0000")) throw new Error("This is not a text file: choose a CSV (comma-separated) file.");
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const delimiter = [",", ";", "\t"].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true, trim: true }) as string[][];
  } catch (e) {
    const m = /line (\d+)/i.exec(e instanceof Error ? e.message : "");
    throw new Error(`The CSV cannot be read${m ? ` (line ${m[1]})` : ""}: check that quotes are balanced.`);
  }
  const first = records[0] ?? [];
  const header = FRONT.test(first[0] ?? "") || (first.some((c) => FRONT.test(c)) && first.some((c) => BACK.test(c)));
  const at = header
    ? { front: first.findIndex((c) => FRONT.test(c)), back: first.findIndex((c) => BACK.test(c)), tags: first.findIndex((c) => TAGS.test(c)) }
    : { front: 0, back: 1, tags: 2 };
  if (header && at.back < 0) throw new Error("The header row has no back (or answer) column.");
  const body = header ? records.slice(1) : records;
  if (body.length > MAX_CSV_ROWS) throw new Error(`The file has ${body.length.toLocaleString("en")} rows; Recall imports up to ${MAX_CSV_ROWS.toLocaleString("en")} at a time.`);
  const rows: CsvCardRow[] = [];
  const errors: CsvRowError[] = [];
  body.forEach((record, i) => {
    const line = i + (header ? 2 : 1);
    const front = record[at.front] ?? "";
    const back = record[at.back] ?? "";
    const tags = at.tags >= 0 ? (record[at.tags] ?? "") : "";
    const extra = header ? [] : record.slice(3);
    const problem =
      record.length < 2 ? "needs two columns: front and back"
      : front === "" ? "the front is empty"
      : back === "" ? "the back is empty"
      : front.length > MAX_SIDE_CHARS || back.length > MAX_SIDE_CHARS ? `a side is longer than ${MAX_SIDE_CHARS.toLocaleString("en")} characters`
      : !isCleanText(front) || !isCleanText(back) || !isCleanText(tags) ? "contains characters that are not text"
      : extra.some((x) => x !== "") ? `has ${record.length} columns: use front, back and optionally tags`
      : null;
    if (problem) {
      errors.push({ line, message: `Row ${line}: ${problem}.` });
      return;
    }
    rows.push({ line, front, back, tags: tags.split(/\s+/).filter(Boolean) });
  });
  return { rows, errors, header };
}

/** One exported card: what it asks and its state for the learner. */
export interface CsvExportRow {
  deck: string;
  type: string;
  front: string;
  back: string;
  tags: string[];
  state: "new" | "learning" | "review" | "relearning";
  due: Date | null;
  stability: number | null;
  difficulty: number | null;
  reps: number;
  lapses: number;
  suspended: boolean;
  buried: boolean;
  lastReview: Date | null;
}

export const CSV_EXPORT_COLUMNS = ["front", "back", "tags", "deck", "type", "state", "due", "stability", "difficulty", "reps", "lapses", "suspended", "buried", "last_review"] as const;

/** Every card as CSV with a header row; front, back and tags first, so the file imports back as it is. */
export function toCardsCsv(rows: CsvExportRow[]): string {
  return stringify(
    rows.map((r) => [
      r.front,
      r.back,
      r.tags.join(" "),
      r.deck,
      r.type,
      r.state,
      r.due?.toISOString() ?? "",
      r.stability === null ? "" : r.stability.toFixed(4),
      r.difficulty === null ? "" : r.difficulty.toFixed(4),
      r.reps,
      r.lapses,
      r.suspended ? "yes" : "no",
      r.buried ? "yes" : "no",
      r.lastReview?.toISOString() ?? "",
    ]),
    { header: true, columns: [...CSV_EXPORT_COLUMNS] },
  );
}
