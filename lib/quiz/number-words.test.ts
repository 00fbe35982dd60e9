import { describe, expect, it } from "vitest";
import { foldNumberWords, type AnswerToken } from "./number-words";

const n = (value: number): AnswerToken => ({ kind: "number", value });
const w = (text: string): AnswerToken => ({ kind: "word", text });
const fold = (text: string) => foldNumberWords(text.split(" "));

describe("foldNumberWords", () => {
  it.each<[string, AnswerToken[]]>([
    ["seven", [n(7)]],
    ["zero", [n(0)]],
    ["thirteen", [n(13)]],
    ["forty two", [n(42)]],
    ["one hundred", [n(100)]],
    ["hundred", [n(100)]],
    ["one hundred and five", [n(105)]],
    ["nineteen hundred", [n(1900)]],
    ["three thousand", [n(3000)]],
    ["two million three hundred thousand", [n(2_300_000)]],
    ["one billion", [n(1e9)]],
    ["3 million", [n(3e6)]],
    ["1.1 million", [n(1_100_000)]],
    ["2.5 billion", [n(2.5e9)]],
    ["first", [n(1)]],
    ["second", [n(2)]],
    ["twelfth", [n(12)]],
    ["twentieth", [n(20)]],
    ["twenty first", [n(21)]],
    ["hundredth", [n(100)]],
    ["2nd", [n(2)]],
    ["21st", [n(21)]],
  ])("%j", (text, tokens) => {
    expect(fold(text)).toEqual(tokens);
  });

  it("does not sum a sequence that is not one number", () => {
    expect(fold("one two")).toEqual([n(1), n(2)]);
    expect(fold("forty two one")).toEqual([n(42), n(1)]);
    expect(fold("fifty fifty")).toEqual([n(50), n(50)]);
    expect(fold("thousand million")).toEqual([n(1000), n(1e6)]);
    expect(fold("one hundred one hundred")).toEqual([n(101), n(100)]);
    expect(fold("2019 hundred")).toEqual([n(2019), n(100)]);
  });

  it("reads a year said as two pairs of digits, and nothing else as one", () => {
    expect(fold("twenty eighteen")).toEqual([n(2018)]);
    expect(fold("nineteen eighty four")).toEqual([n(1984)]);
    expect(fold("twenty twenty one")).toEqual([n(2021)]);
    expect(fold("twenty twenty")).toEqual([n(2020)]);
    expect(fold("nineteen oh five")).toEqual([n(1905)]);
    expect(fold("twenty one")).toEqual([n(21)]);
    expect(fold("nineteen hundred")).toEqual([n(1900)]);
    expect(fold("nineteen twenty thousand")).toEqual([n(19), n(20000)]);
  });

  it("keeps 'and' as a word when it joins two numbers rather than building one", () => {
    expect(fold("two and three")).toEqual([n(2), w("and"), n(3)]);
    expect(fold("one hundred and")).toEqual([n(100), w("and")]);
  });

  it("ends a phrase at an ordinal", () => {
    expect(fold("twenty first hundred")).toEqual([n(21), n(100)]);
  });

  it("leaves ordinary words alone, including ones ending in th", () => {
    expect(fold("north month seventh")).toEqual([w("north"), w("month"), n(7)]);
  });
});

// The grammar, rule by rule: what extends a number phrase and what starts a new one.
describe("foldNumberWords grammar", () => {
  const values = (text: string) => fold(text).map((t) => (t.kind === "number" ? t.value : t.text));

  it.each<[string, (number | string)[], string]>([
    ["thirty", [30], "a tens word alone"],
    ["ninety nine", [99], "tens then unit"],
    ["eighty five", [85], "tens then unit"],
    ["twelve hundred", [1200], "a teen times a hundred"],
    ["ten hundred", [1000], "ten times a hundred"],
    ["twenty one hundred", [2100], "tens and unit times a hundred"],
    ["3 hundredth", [300], "digits times an ordinal hundred"],
    ["five hundred thousand", [500_000], "hundreds times a scale"],
    ["one thousand and one", [1001], "'and' after a scale"],
    ["one hundred and twenty third", [123], "'and' then an ordinal ending the phrase"],
    ["1.15 million", [1_150_000], "a decimal times a scale, without floating-point dust"],
    ["007", [7], "leading zeros"],
  ])("%j is %j (%s)", (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each<[string, (number | string)[], string]>([
    ["twenty hundred", [20, 100], "a hundred does not follow a tens word (that is a year, said otherwise)"],
    ["one hundred twenty hundred", [120, 100], "a hundred does not multiply 100 or more"],
    ["hundred hundred", [100, 100], "nor a hundred"],
    ["thousand thousand", [1000, 1000], "a scale does not follow a scale"],
    ["one million thousand", [1_000_000, 1000], "nor directly after a larger one"],
    ["one thousand two million", [1002, 1_000_000], "a scale only grows smaller"],
    ["nine fifty", [9, 50], "a tens word does not follow a unit"],
    ["ninety ninety", [90, 90], "nor a tens word"],
    ["twenty and one", [20, "and", 1], "'and' only after a hundred or a scale"],
    ["one hundred and fifth", [100, "and", 5], "'and' does not join an ordinal"],
    ["one thousand and", [1000, "and"], "'and' at the end stays a word"],
    ["and one", ["and", 1], "'and' at the start stays a word"],
    ["1 thousand 5", [1000, 5], "digits do not extend a phrase after it started"],
    ["zero zero", [0, 0], "zero never combines"],
    ["zero hundred", [0, 100], "not even with a hundred"],
    ["twenty first second", [21, 2], "an ordinal ends the phrase"],
  ])("%j is %j (%s)", (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it("derives ordinals: the irregular ones, -th and -ieth", () => {
    expect(values("first second third fifth eighth ninth twelfth")).toEqual([1, 2, 3, 5, 8, 9, 12]);
    expect(values("fourth eleventh nineteenth seventy seventh")).toEqual([4, 11, 19, 77]);
    expect(values("thirtieth fortieth thousandth millionth")).toEqual([30, 40, 1000, 1_000_000]);
    expect(values("th ieth onety firstth")).toEqual(["th", "ieth", "onety", "firstth"]);
  });

  it("reads spoken years with centuries 10 to 29, 'oh' or 'o' before a unit, and nothing longer", () => {
    expect(values("ten twenty")).toEqual([1020]);
    expect(values("twenty ten")).toEqual([2010]);
    expect(values("nineteen eighty")).toEqual([1980]);
    expect(values("twenty o nine")).toEqual([2009]);
    expect(values("nineteen oh five hundred")).toEqual([1905, 100]);
    expect(values("thirty twenty")).toEqual([30, 20]);
    expect(values("nineteen oh")).toEqual([19, "oh"]);
    expect(values("twenty oh")).toEqual([20, "oh"]);
    expect(values("nineteen oh hundred")).toEqual([19, "oh", 100]);
    expect(values("twenty twenty thousand")).toEqual([20, 20_000]);
    expect(values("twenty twenty hundred")).toEqual([20, 20, 100]);
    expect(values("nineteen eighty million")).toEqual([19, 80_000_000]);
  });
});
