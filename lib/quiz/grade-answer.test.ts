import { describe, expect, it } from "vitest";
import { gradeTypedAnswer, typoAllowance, type TypedVerdict } from "./grade-answer";
import { tableRowsBuilt } from "@/tests/support/table-rows-built";

type Row = [given: string, expected: string, accepted: string[], verdict: TypedVerdict, why: string];

const TABLE: Row[] = [
  // exact and formatting-only differences
  ["Rex Tillerson", "Rex Tillerson", [], "correct", "exact"],
  ["rex TILLERSON", "Rex Tillerson", [], "correct", "case"],
  ["  Rex   Tillerson. ", "Rex Tillerson", [], "correct", "whitespace and punctuation"],
  ["U.S.", "US", [], "correct", "dots in an acronym"],
  ["O'Brien", "OBrien", [], "correct", "apostrophe"],
  ["Jean-Luc Picard", "Jean Luc Picard", [], "correct", "hyphen = space"],
  ["The United Nations", "United Nations", [], "correct", "leading article in the input"],
  ["United Nations", "the United Nations", [], "correct", "leading article in the answer"],
  ["an apple", "apple", [], "correct", "article 'an'"],
  // accents
  ["Pinera", "Piñera", [], "correct", "tilde stripped"],
  ["SEBASTIAN PINERA", "Sebastián Piñera", [], "correct", "acute and tilde, upper case"],
  ["Lodz", "Łódź", [], "correct", "letters NFD does not decompose"],
  ["Strasse", "Straße", [], "correct", "sharp s"],
  // typo allowance: 0 edits <= 3 letters, 1 for 4-7, 2 for 8+
  ["Iram", "Iran", [], "correct", "1 substitution, 4 letters"],
  ["Irna", "Iran", [], "correct", "adjacent swap counts as one edit"],
  ["Carcas", "Caracas", [], "correct", "1 deletion, 7 letters"],
  ["Crcas", "Caracas", [], "near-miss", "2 edits, 7 letters"],
  ["Crcs", "Caracas", [], "wrong", "3 edits, 7 letters"],
  ["Venezeula", "Venezuela", [], "correct", "swap, 9 letters"],
  ["Vnzuela", "Venezuela", [], "correct", "2 deletions, 9 letters"],
  ["Vnzuel", "Venezuela", [], "near-miss", "3 edits, 9 letters"],
  ["Vnzul", "Venezuela", [], "wrong", "4 edits, 9 letters"],
  ["Rax Tilerson", "Rex Tillerson", [], "correct", "2 edits over two words"],
  ["Rax Tilersen", "Rex Tillerson", [], "near-miss", "3 edits over two words"],
  ["Rax", "Rex", [], "near-miss", "3 letters: 1 edit is only a near miss"],
  ["Rxa", "Rex", [], "wrong", "3 letters: 2 edits"],
  ["UN", "US", [], "wrong", "2 letters: no typo allowance, no hint"],
  ["Rex Johnson", "Rex Tillerson", [], "wrong", "different person"],
  ["Tillerson", "Rex Tillerson", [], "wrong", "surname only is not the answer unless accepted"],
  // numbers: separators, words, exactness
  ["3000", "3,000", [], "correct", "thousands separator"],
  ["three thousand", "3,000", [], "correct", "number words"],
  ["3 000", "3,000", [], "correct", "space as thousands separator"],
  ["3001", "3,000", [], "wrong", "off by one is not a typo"],
  ["300", "3,000", [], "wrong", "missing digit is not a typo"],
  ["one hundred and twenty", "120", [], "correct", "British 'and'"],
  ["twenty-one", "21", [], "correct", "hyphenated tens"],
  ["2.5 million", "2,500,000", [], "correct", "decimal times scale"],
  ["$3 million", "3 million dollars", [], "correct", "currency symbol = unit word"],
  ["3 billion dollars", "$3 million", [], "wrong", "scale changes the number"],
  // years
  ["2019", "2019", [], "correct", "same year"],
  ["2018", "2019", [], "wrong", "a different year is never a typo"],
  ["2091", "2019", [], "wrong", "swapped digits are not forgiven"],
  ["twenty eighteen", "2018", [], "correct", "a year said as two pairs of digits"],
  ["nineteen ninety", "1990", [], "correct", "a spoken year of the last century"],
  ["twenty nineteen", "2018", [], "wrong", "a spoken year is still exact"],
  ["in 2019", "2019", [], "correct", "a leading preposition is not part of the answer"],
  ["In 1990.", "1990", [], "correct", "a capitalised preposition and a final full stop"],
  ["in the 1990s", "the 1990s", [], "correct", "preposition then article"],
  ["on 2 February 2019", "February 2, 2019", [], "correct", "preposition before a date"],
  ["Rex Tillerson 2019", "Rex Tillerson", [], "wrong", "a number the answer does not have"],
  // percentages and units
  ["80 percent", "80%", [], "correct", "% = percent"],
  ["eighty per cent", "80%", [], "correct", "number words + 'per cent'"],
  ["80", "80%", [], "correct", "unit may be omitted"],
  ["80%", "80", [], "correct", "unit may be added"],
  ["81%", "80%", [], "wrong", "different percentage"],
  ["80 dollars", "80%", [], "wrong", "unit may not be swapped"],
  ["80 percnet", "80%", [], "correct", "typo in the unit word"],
  // ordinals
  ["second", "2nd", [], "correct", "ordinal word = ordinal digits"],
  ["2nd", "second", [], "correct", "and back"],
  ["third", "2nd", [], "wrong", "different ordinal"],
  ["twenty-first", "21st", [], "correct", "compound ordinal"],
  // dates
  ["2 February 2019", "February 2, 2019", [], "correct", "day-month order"],
  ["Feb 2nd 2019", "February 2, 2019", [], "correct", "month abbreviation and ordinal day"],
  ["Febuary 2, 2019", "February 2, 2019", [], "correct", "typo in the month"],
  ["February 3, 2019", "February 2, 2019", [], "wrong", "different day"],
  // number order
  ["68 to 32", "32 to 68", [], "wrong", "numbers in a different order are a different answer"],
  ["32 to 68", "32 to 68", [], "correct", "same order"],
  ["2019 February 2", "2 February 2019", [], "correct", "the parts of one date may come in any order"],
  // decimals without a leading zero
  [".6", "0.6", [], "correct", "a decimal point with no digit before it"],
  ["0.6", ".6", [], "correct", "and back"],
  [".5", "5", [], "wrong", ".5 is not 5"],
  [".5%", "5%", [], "wrong", ".5% is not 5%"],
  [".5%", "0.5 percent", [], "correct", ".5% is 0.5 percent"],
  // empty input
  ["", "Iran", [], "wrong", "empty"],
  ["   ", "Iran", [], "wrong", "blank"],
  ["?!.", "Iran", [], "wrong", "punctuation only"],
  // accepted alternatives
  ["Pinera", "Sebastián Piñera", ["Piñera"], "correct", "matches an accepted spelling"],
  ["Bachelet", "Sebastián Piñera", ["Piñera"], "wrong", "matches nothing"],
];

describe("gradeTypedAnswer table", () => {
  it("has at least 30 rows", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
  });

  it.each(TABLE)("%j for %j (accepted %j) is %s: %s", (given, expected, accepted, verdict) => {
    expect(gradeTypedAnswer(given, expected, accepted).verdict).toBe(verdict);
  });
});

describe("gradeTypedAnswer matched", () => {
  it("names the accepted answer that matched, as written on the card", () => {
    expect(gradeTypedAnswer("pinera", "Sebastián Piñera", ["Piñera"])).toEqual({
      verdict: "correct",
      matched: "Piñera",
    });
  });

  it("names the expected answer on a near miss", () => {
    expect(gradeTypedAnswer("Rax", "Rex", [])).toEqual({ verdict: "near-miss", matched: "Rex" });
  });

  it("omits matched when wrong", () => {
    expect(gradeTypedAnswer("Oslo", "Rex", [])).toEqual({ verdict: "wrong" });
  });

  it("prefers an exact accepted match over a typo of the expected answer", () => {
    expect(gradeTypedAnswer("Mumbai", "Mumbay", ["Mumbai"]).matched).toBe("Mumbai");
  });

  it("ignores empty accepted entries instead of matching everything", () => {
    expect(gradeTypedAnswer("anything", "Iran", ["", "  "]).verdict).toBe("wrong");
  });
});

// Which of several targets a grade names, when more than one is within reach.
describe("gradeTypedAnswer picks the closest target", () => {
  it("a later accepted spelling with a better verdict wins over a near miss of the expected answer", () => {
    // "colr": 2 edits from "colour" (near miss), 1 from "color" (correct).
    expect(gradeTypedAnswer("colr", "colour", ["color"])).toEqual({ verdict: "correct", matched: "color" });
  });

  it("between targets with the same verdict, the fewer edits win", () => {
    // "Venezuel": 1 edit from "Venezuela", 2 from "Venezuelas"; both correct.
    expect(gradeTypedAnswer("Venezuel", "Venezuela", ["Venezuelas"])).toEqual({ verdict: "correct", matched: "Venezuela" });
    expect(gradeTypedAnswer("Venezuel", "Venezuelas", ["Venezuela"])).toEqual({ verdict: "correct", matched: "Venezuela" });
  });

  it("a tie goes to the expected answer, the first target", () => {
    // "colur": 1 edit from both "colour" and "color".
    expect(gradeTypedAnswer("colur", "colour", ["color"])).toEqual({ verdict: "correct", matched: "colour" });
  });

  it("numbers must all match: one year of a range is not the range", () => {
    expect(gradeTypedAnswer("1914", "1914 to 1918", []).verdict).toBe("wrong");
    expect(gradeTypedAnswer("1914", "1914 1918", []).verdict).toBe("wrong");
    expect(gradeTypedAnswer("1914 1918", "1914", []).verdict).toBe("wrong");
  });

  it("a space is a character: words split in the wrong places cost an edit per space", () => {
    // "ne w yor k" is "new york" with two spaces moved: 2 edits, 7 letters, a near miss.
    expect(gradeTypedAnswer("Ne w Yor k", "New York", [])).toEqual({ verdict: "near-miss", matched: "New York" });
  });
});

describe("gradeTypedAnswer with rejected answers", () => {
  const rejected = ["Iraq", "Syria", "Oman"];

  it("marks a known wrong answer wrong even when it is one edit from the answer", () => {
    expect(gradeTypedAnswer("Iraq", "Iran", [], { rejected }).verdict).toBe("wrong");
    // Without the distractors the same input would have been forgiven as a typo.
    expect(gradeTypedAnswer("Iraq", "Iran", []).verdict).toBe("correct");
  });

  it("downgrades an ambiguous typo (as close to a distractor as to the answer) to near-miss", () => {
    expect(gradeTypedAnswer("Irak", "Iran", [], { rejected }).verdict).toBe("near-miss");
  });

  it("still forgives a typo that clearly points to the answer", () => {
    expect(gradeTypedAnswer("Irann", "Iran", [], { rejected })).toEqual({ verdict: "correct", matched: "Iran" });
  });

  it("ignores a rejected entry that is itself an accepted spelling", () => {
    // "Pinerra" is one edit from both; the rejected entry is the answer itself, so it must not count as a rival.
    expect(gradeTypedAnswer("Pinerra", "Pinera", [], { rejected: ["PIÑERA"] }).verdict).toBe("correct");
    // It need only equal one of the targets, not all of them.
    expect(gradeTypedAnswer("Pinerra", "Pinera", ["Sebastián Piñera"], { rejected: ["PIÑERA"] }).verdict).toBe("correct");
  });
});

describe("typoAllowance", () => {
  it.each([
    [1, 0, null],
    [2, 0, null],
    [3, 0, 1],
    [4, 1, 2],
    [7, 1, 2],
    [8, 2, 3],
    [30, 2, 3],
  ])("%i letters: %i edits correct, near-miss at %s", (letters, correct, nearMiss) => {
    expect(typoAllowance(letters)).toEqual({ correct, nearMiss });
  });
});

// The time is measured by `npm run bench:grade-answer`; here the work is counted.
describe("gradeTypedAnswer input size", () => {
  it("rejects a pasted essay without building a distance table", () => {
    const essay = "lorem ipsum ".repeat(20_000);
    expect(tableRowsBuilt(() => expect(gradeTypedAnswer(essay, "Venezuela", []).verdict).toBe("wrong"))).toBe(0);
    expect(tableRowsBuilt(() => expect(gradeTypedAnswer(essay, "Venezuela", ["Bolivarian Republic of Venezuela"], { rejected: ["Colombia"] }).verdict).toBe("wrong"))).toBe(0);
  });
});
