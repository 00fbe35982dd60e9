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

  it("reads only phrases that fix one day", () => {
    expect(anaphoricPhrase(["that", "evening", "the"])).toEqual({ length: 2, days: 0, part: "evening" });
    expect(anaphoricPhrase(["the", "following", "day"])).toEqual({ length: 3, days: 1, part: null });
    expect(anaphoricPhrase(["that", "week", "the"])).toBeNull();
    expect(anaphoricPhrase(["days", "later", "the"])).toBeNull();
  });
});
