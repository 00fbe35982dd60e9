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

// Each row is a difference a learner is not penalised for (or one that is kept on purpose).
describe("normalizeAnswer: what is folded away, row by row", () => {
  it.each([
    ["Æsir Œuvre Øre Đoàn Ðor Iıd Þór Ħal", "aesir oeuvre ore doan dor iid thor hal", "letters NFD does not decompose are spelled out"],
    ["5€ and £6", "5 euros and pounds 6", "currency symbols become their unit words"],
    ["5 USD or 5 dollar", "5 dollars or 5 dollars", "currency codes and singulars share one unit word"],
    ["3 EUR, 3 euro, 3 GBP, 3 pound", "3 euros 3 euros 3 pounds 3 pounds", "euro and pound spellings"],
    ["50 pct", "50 percent", "pct is percent"],
    ["Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec", "january february march april june july august september september october november december", "month abbreviations"],
    ["1\u00a0200 and 1\u202f200\u2009000", "1200 and 1200000", "no-break, narrow and thin spaces group thousands"],
    ["\u22125", "minus 5", "the minus sign before a number is meaning"],
    ["x-5 and well-known", "x 5 and well known", "a hyphen inside or after a word is not a minus"],
    ["O\u2018Brien O`Brien O\u00b4Brien O\u02bcBrien", "obrien obrien obrien obrien", "every apostrophe joins"],
    ["3.5km", "3.5 km", "a decimal number stays whole when split from its unit"],
    ["1st 2nd 3rd 4th", "1 2 3 4", "ordinals with digits are their numbers"],
    ["U.S.A. and a.b", "usa and ab", "dots between letters join"],
    ["5. 1.5.2", "5 1.5 2", "a final dot and a second decimal point are not part of the number"],
    ["(5), 5/6", "5 5 6", "brackets and slashes separate"],
    ["\u00b2 \u216b", "2 xii", "compatibility forms (NFKC): superscript two, Roman numeral twelve"],
    ["per cent", "percent", "per cent is one word"],
    ["per", "per", "per alone is a word"],
    ["ten cent coin", "10 cent coin", "only 'per' before 'cent' makes percent"],
    ["12,345 and 123,456", "12345 and 123456", "a first group of two or three digits"],
    ["(\u22125) and [-3]", "minus 5 and minus 3", "a minus after a bracket"],
    ["(.6) and about .25", "0.6 and about 0.25", "a leading decimal point after a bracket or a space"],
    ["3.25km", "3.25 km", "every decimal digit stays"],
  ])("%j -> %j (%s)", (input, expected) => {
    expect(normalizeAnswer(input)).toBe(expected);
  });

  it.each(["in", "on", "at", "by", "during", "since", "from", "around", "circa", "ca"])("a leading %j is dropped when something follows", (preposition) => {
    expect(normalizeAnswer(`${preposition} Paris`)).toBe("paris");
  });

  it("drops a leading preposition, then a leading article, and never the last word", () => {
    expect(normalizeAnswer("by the UN")).toBe("un");
    expect(normalizeAnswer("the in")).toBe("in");
    expect(normalizeAnswer("in the")).toBe("the");
    expect(normalizeAnswer("the the end")).toBe("the end");
    expect(normalizeAnswer("Paris in spring")).toBe("paris in spring");
  });
});

describe("analyzeAnswer: the parts of one date", () => {
  it("takes the day before the month and up to two numbers after it, in one order", () => {
    expect(analyzeAnswer("February 2019 3")).toEqual({ words: ["february"], numbers: [3, 2019] });
    expect(analyzeAnswer("5 February 2019 7")).toEqual({ words: ["february"], numbers: [5, 2019, 7] });
    expect(analyzeAnswer("June 5 6 7")).toEqual({ words: ["june"], numbers: [5, 6, 7] });
  });
  it("leaves numbers alone when no month is named", () => {
    expect(analyzeAnswer("2019 5").numbers).toEqual([2019, 5]);
  });
  it("a month alone has no numbers, and one before a number does not pull in an earlier one across words", () => {
    expect(analyzeAnswer("February")).toEqual({ words: ["february"], numbers: [] });
    expect(analyzeAnswer("9 and February 3")).toEqual({ words: ["and", "february"], numbers: [9, 3] });
  });
});
