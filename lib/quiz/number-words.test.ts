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
