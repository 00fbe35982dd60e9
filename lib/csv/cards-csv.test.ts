import { describe, expect, it } from "vitest";
import { parseCardsCsv, toCardsCsv, MAX_CSV_ROWS } from "./cards-csv";

describe("parseCardsCsv", () => {
  it("reads front, back and tags, skips a header, keeps quoted commas and newlines", () => {
    const r = parseCardsCsv('front,back,tags\n"Capital, France",Paris,geo europe\n"Two\nlines",b\n');
    expect(r.header).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, front: "Capital, France", back: "Paris", tags: ["geo", "europe"] },
      { line: 3, front: "Two\nlines", back: "b", tags: [] },
    ]);
  });
  it("lists every bad row with its row number and why, and keeps the good ones", () => {
    const r = parseCardsCsv("a,b\nonly one column\n,empty front\nempty back,\na,b\nx,y,t,extra\n");
    // Two identical rows are two cards, as in Anki (a deck may hold the same question twice).
    expect(r.rows.map((x) => x.front)).toEqual(["a", "a"]);
    expect(r.errors).toEqual([
      { line: 2, message: "Row 2: needs two columns: front and back." },
      { line: 3, message: "Row 3: the front is empty." },
      { line: 4, message: "Row 4: the back is empty." },
      { line: 6, message: "Row 6: has 4 columns: use front, back and optionally tags." },
    ]);
  });
  it("reports a row with control characters", () => {
    expect(parseCardsCsv("a\u0007,b\n").errors).toEqual([{ line: 1, message: "Row 1: contains characters that are not text." }]);
  });
  it("accepts semicolons and tabs", () => {
    expect(parseCardsCsv("a;b\n").rows[0]).toMatchObject({ front: "a", back: "b" });
    expect(parseCardsCsv("a\tb\n").rows[0]).toMatchObject({ front: "a", back: "b" });
  });
  it("refuses an empty file, a binary file, broken quoting and too many rows with a clear message", () => {
    expect(() => parseCardsCsv("  \n")).toThrow("The file is empty.");
    expect(() => parseCardsCsv("a\u0000b,c")).toThrow(/not a text file/);
    expect(() => parseCardsCsv('"unclosed,b\n')).toThrow(/quotes/);
    expect(() => parseCardsCsv("a,b\n".repeat(MAX_CSV_ROWS + 1))).toThrow(/up to 10,000/);
  });
});

describe("toCardsCsv", () => {
  it("writes a header and rows that import back as they are (columns found by name)", () => {
    const csv = toCardsCsv([
      { deck: "D", type: "question", front: 'He said "hi", then left', back: "b\nc", tags: ["t1", "t2"], state: "review", due: new Date("2026-01-02T00:00:00Z"), stability: 3.5, difficulty: 5, reps: 2, lapses: 0, suspended: false, buried: false, lastReview: null },
    ]);
    expect(csv.split("\n")[0]).toBe("front,back,tags,deck,type,state,due,stability,difficulty,reps,lapses,suspended,buried,last_review");
    const back = parseCardsCsv(csv);
    expect(back.errors).toEqual([]);
    expect(back.rows).toEqual([{ line: 2, front: 'He said "hi", then left', back: "b\nc", tags: ["t1", "t2"] }]);
  });
});
