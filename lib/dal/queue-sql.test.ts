// The conversions of raw values the queue's SQL returns (lib/dal/queue-sql.ts):
// SQLite and PostgreSQL hand back counts and computed dates in different types.
import { describe, expect, it } from "vitest";
import { date, num } from "./queue-sql";

describe("num", () => {
  it("reads a count as a number whatever the engine returned", () => {
    expect(num(3)).toBe(3);
    expect(num(BigInt(12))).toBe(12); // PostgreSQL's COUNT(*) is a bigint
    expect(num("7")).toBe(7); // a numeric column as text
  });

  it("is 0 for a missing value: SQL NULL or a row that is not there", () => {
    expect(num(null)).toBe(0);
    expect(num(undefined)).toBe(0);
  });
});

describe("date", () => {
  it("is null for a missing value", () => {
    expect(date(null)).toBeNull();
    expect(date(undefined)).toBeNull();
  });

  it("keeps a Date and reads text (SQLite's computed dates) or epoch milliseconds", () => {
    const d = new Date("2026-03-02T10:00:00.000Z");
    expect(date(d)).toBe(d);
    expect(date("2026-03-02T10:00:00.000Z")).toEqual(d);
    expect(date(d.getTime())).toEqual(d);
  });
});
