import { describe, expect, it } from "vitest";
import { analyzeAnswer, normalizeAnswer } from "./normalize-answer";

describe("normalizeAnswer", () => {
  it.each([
    ["  Rex   TILLERSON  ", "rex tillerson"],
    ["Sebastián Piñera", "sebastian pinera"],
    ["Łódź", "lodz"],
    ["Straße", "strasse"],
    ["Ｒｅｘ", "rex"], // full-width letters (NFKC)
    ["U.S.", "us"],
    ["O’Brien", "obrien"],
    ["Jean-Luc", "jean luc"],
    ["Procter & Gamble", "procter and gamble"],
    ["The Hague", "hague"],
    ["the", "the"], // a lone article is the answer, not noise
    ["A", "a"],
    ["3,000", "3000"],
    ["1,234,567.5", "1234567.5"],
    ["1 200 000", "1200000"],
    ["2,5", "2 5"], // a decimal comma is not a thousands separator
    ["1234,567", "1234 567"], // a group of four digits is not a thousands grouping
    ["three thousand", "3000"],
    ["a hundred", "100"],
    ["80%", "80 percent"],
    ["eighty per cent", "80 percent"],
    ["$3 million", "dollars 3000000"],
    ["-5", "minus 5"],
    ["COVID-19", "covid 19"],
    ["1990s", "1990 s"],
    ["Feb 2nd, 2019", "february 2 2019"],
    ["the second", "2"],
  ])("%j -> %j", (input, expected) => {
    expect(normalizeAnswer(input)).toBe(expected);
  });
});

describe("analyzeAnswer", () => {
  it("keeps numbers in the order written ('68 to 32' is not '32 to 68')", () => {
    expect(analyzeAnswer("68 to 32").numbers).toEqual([68, 32]);
    expect(analyzeAnswer("32 to 68").numbers).toEqual([32, 68]);
  });

  it("reads '.6' as 0.6 and drops a leading preposition", () => {
    expect(analyzeAnswer(".6").numbers).toEqual([0.6]);
    expect(analyzeAnswer("In 1990.")).toEqual({ words: [], numbers: [1990] });
    expect(analyzeAnswer("in")).toEqual({ words: ["in"], numbers: [] });
  });

  it("separates words from numbers and puts the parts of one date in one order", () => {
    expect(analyzeAnswer("2 February 2019")).toEqual({ words: ["february"], numbers: [2, 2019] });
    expect(analyzeAnswer("February 2, 2019")).toEqual({ words: ["february"], numbers: [2, 2019] });
  });

  it("keeps a day and a year apart instead of reading them as one grouped number", () => {
    expect(analyzeAnswer("February 2 2019").numbers).toEqual([2, 2019]);
  });

  it("returns nothing for input with no letters or digits", () => {
    expect(analyzeAnswer(" ,.;!? ")).toEqual({ words: [], numbers: [] });
  });
});
