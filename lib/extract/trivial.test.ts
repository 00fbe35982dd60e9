import { describe, expect, it } from "vitest";
import { generate } from "./index";
import { trivialBlank } from "./trivial";

describe("trivialBlank", () => {
  it("finds a duration the prompt computes", () => {
    expect(trivialBlank("The survey ship is hired for ____, in three four-month legs.", "12 months", null)).toBe(true);
    expect(trivialBlank("The loan runs for ____: two years of grace and three years of repayment.", "5 years", null)).toBe(true);
  });

  it("finds a century given by a year in the prompt or by the document's date", () => {
    expect(trivialBlank("The mill, built in 1794, is the oldest ____ century building in town.", "18th", null)).toBe(true);
    expect(trivialBlank("Ports are the gateways of the ____ Century, the minister said.", "21st", 2012)).toBe(true);
  });

  it("finds a count of the subject itself", () => {
    expect(trivialBlank('Lena Moss said: "We are ____ small island nations with much in common."', "two", null)).toBe(true);
    expect(trivialBlank("Norway and Chile are ____ long-standing partners in fisheries.", "two", null)).toBe(true);
  });

  it("leaves blanks the prompt does not answer", () => {
    expect(trivialBlank("The survey ship is hired for ____, and the crew of 14 will change twice.", "12 months", null)).toBe(false);
    expect(trivialBlank("The chapel dates from the ____ century.", "12th", 2012)).toBe(false);
    expect(trivialBlank("Norway and Chile signed ____ agreements on fisheries.", "two", null)).toBe(false);
    expect(trivialBlank("Norway, Chile and Peru are ____ of the founding members.", "two", null)).toBe(false);
  });
});

describe("cards", () => {
  it("makes no cloze whose blank a neighbouring figure computes, and keeps the plain one", () => {
    const text = [
      "The survey ship is hired for 12 months and there will be three four-month legs.",
      "The captain, Lena Moss, said the ship is hired for 12 months at a cost of $4 million.",
    ].join("\n\n");
    const prompts = generate(text).cards.filter((c) => c.answer === "12 months").map((c) => c.prompt);
    expect(prompts.some((p) => p.includes("four-month"))).toBe(false);
    expect(prompts.length).toBeGreaterThan(0);
  });
});
