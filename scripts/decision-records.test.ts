// Every decision record is dated and has a status (docs/decisions/007).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.resolve(import.meta.dirname, "..", "docs", "decisions");
const records = fs.readdirSync(dir).filter((f) => f.endsWith(".md"));

describe("decision records", () => {
  it("are named NNN-title.md, one number each", () => {
    expect(records.length).toBeGreaterThan(0);
    for (const f of records) expect(f).toMatch(/^\d{3}-[a-z0-9-]+\.md$/);
    const numbers = records.map((f) => f.slice(0, 3));
    expect(numbers.filter((n, i) => numbers.indexOf(n) !== i)).toEqual([]);
  });

  it.each(records)("%s has a date and a known status", (f) => {
    const text = fs.readFileSync(path.join(dir, f), "utf8");
    expect(text).toMatch(/^- Date: \d{4}-\d{2}-\d{2}\b/m);
    expect(text).toMatch(/^- Status: (proposed|accepted|deprecated|superseded by \d{3})\b/m);
  });
});
