import { describe, expect, it } from "vitest";
import { editDistance } from "./edit-distance";
import { tableRowsBuilt } from "@/tests/support/table-rows-built";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
    ["iran", "iran", 0],
    ["iran", "irna", 1], // adjacent swap is one edit, not two
    ["venezuela", "venezeula", 1],
    ["ca", "abc", 2], // swap, then insert between the swapped pair (the restricted variant says 3)
    ["abcdef", "badcfe", 3], // three separate swaps
  ])("%j vs %j = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it("counts an astral character as one character", () => {
    expect(editDistance("a😀b", "ab")).toBe(1);
  });

  it("returns max + 1 once the distance exceeds max", () => {
    expect(editDistance("venezuela", "caracas", 2)).toBe(3);
    expect(editDistance("a".repeat(50), "b", 2)).toBe(3);
    expect(editDistance("caracas", "carcas", 2)).toBe(1);
  });

  // The time this saves is measured by `npm run bench:grade-answer`; here the work is counted.
  it("refuses a long input against a short answer without building the table", () => {
    expect(tableRowsBuilt(() => expect(editDistance("a".repeat(1_000_000), "venezuela", 3)).toBe(4))).toBe(0);
    expect(tableRowsBuilt(() => expect(editDistance("venezuela", "a".repeat(1_000_000), 3)).toBe(4))).toBe(0);
    // The same lengths within reach of max do build it: one row per character of `a`, plus two sentinels.
    expect(tableRowsBuilt(() => expect(editDistance("venezuela", "venezeula", 3)).toBe(1))).toBe(11);
  });
});
