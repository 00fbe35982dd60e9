import { describe, expect, it } from "vitest";
import { generate } from "./index";
import { anaphoricPhrase } from "./anaphoric-dates";

const dated = (body: string, published = "2020-01-10") =>
  generate(`published: ${published}\n\n${body}\n`).cards.filter((c) => c.kind === "date" && c.type === "cloze").map((c) => [c.prompt, c.answer]);

describe("a date taken from the sentence before", () => {
  it("dates 'That evening …' and 'That same day, …' by the one date of the sentence before", () => {
    const text =
      "The dock strike began on May 4, 1926. That evening the port authority closed the northern gates. " +
      "The miners joined the dockers on May 6, 1926. That same day, the city council opened soup kitchens for the families.";
    const got = dated(text);
    expect(got).toContainEqual(["On the evening of ____, the port authority closed the northern gates.", "May 4, 1926"]);
    expect(got).toContainEqual(["On ____, the city council opened soup kitchens for the families.", "May 6, 1926"]);
  });

  it("adds a day for 'The next morning'", () => {
    const got = dated("The dock strike began on May 4, 1926. The next morning the port authority closed the northern gates.");
    expect(got).toContainEqual(["On the morning of ____, the port authority closed the northern gates.", "May 5, 1926"]);
  });

  it("gives nothing when the sentence before has two dates, none, or starts another paragraph", () => {
    expect(dated("The dock strike began on May 4, 1926 and ended on May 12, 1926. That evening the port authority closed the northern gates.").some(([p]) => p.includes("gates"))).toBe(false);
    expect(dated("The dock strike began on May 4, 1926. The unions were angry. That evening the port authority closed the northern gates.").some(([p]) => p.includes("gates"))).toBe(false);
    expect(dated("The dock strike began on May 4, 1926.\n\nThat evening the port authority closed the northern gates.").some(([p]) => p.includes("gates"))).toBe(false);
  });

  it("spells out 'At that time' in the sentence's other cards, with no date card of its own", () => {
    const text = "Today we open the new bridge that the city began to plan in 1998.\n\nAt that time, the ferry carried 4,000 passengers a day across the river.";
    const cards = generate(`published: 2020-01-10\n\n${text}\n`).cards.filter((c) => c.type === "cloze" && c.source.startsWith("At that time"));
    expect(cards.map((c) => [c.kind, c.prompt])).toEqual([["number", "In 1998, the ferry carried ____ passengers a day across the river."]]);
    // Two past dates before it: which one "that time" is cannot be told, so the reference stays unresolved (no card).
    const two = "The city planned the bridge in 1998 and built it in 2004.\n\nAt that time, the ferry carried 4,000 passengers a day across the river.";
    expect(generate(`published: 2020-01-10\n\n${two}\n`).cards.some((c) => c.source.startsWith("At that time"))).toBe(false);
  });

  it("reads 'That May' as May of the one year of the sentence before", () => {
    expect(dated("The ferry line was founded in 1994. That May, the first boat sailed to the outer island.")).toContainEqual([
      "In ____, the first boat sailed to the outer island.",
      "May 1994",
    ]);
    expect(dated("The ferry line was founded in 1994 and sold in 1999. That May, the first boat sailed to the outer island.").some(([p]) => p.includes("first boat"))).toBe(false);
  });

  it("reads only phrases that fix one day", () => {
    expect(anaphoricPhrase(["that", "evening", "the"])).toEqual({ length: 2, days: 0, part: "evening" });
    expect(anaphoricPhrase(["the", "following", "day"])).toEqual({ length: 3, days: 1, part: null });
    expect(anaphoricPhrase(["that", "week", "the"])).toBeNull();
    expect(anaphoricPhrase(["days", "later", "the"])).toBeNull();
    expect(anaphoricPhrase(["at", "that", "time"])).toMatchObject({ length: 3, anyPrecision: true });
    expect(anaphoricPhrase(["at", "that", "point"])).toBeNull();
  });
});
