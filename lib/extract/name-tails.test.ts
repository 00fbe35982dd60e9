import { describe, expect, it } from "vitest";
import { generate } from "./index";
import { cutBeforeTail, tailAfter } from "./name-tails";

describe("cutBeforeTail", () => {
  it("finds an 'in/of/for <Name>' tail after a name of two capitalised words or more", () => {
    const text = "Norway pays into the Relief Fund for Flood Victims in Bangladesh every year.";
    const end = text.indexOf(" in Bangladesh");
    expect(cutBeforeTail(text, end, "Relief Fund for Flood Victims")).toBe(true);
    expect(tailAfter(text, end, "Relief Fund for Flood Victims")).toBe(" in Bangladesh");
  });

  it("leaves a person's 'of <Country>', a one-word name and a lower-case tail alone", () => {
    const a = "We invited Prime Minister Helga Strand of Norway to speak.";
    expect(cutBeforeTail(a, a.indexOf(" of Norway"), "Helga Strand", "person")).toBe(false);
    const b = "NATO in Europe is changing.";
    expect(cutBeforeTail(b, 4, "NATO")).toBe(false);
    const c = "The Harbour Trust in the north of the city has new rules.";
    expect(cutBeforeTail(c, c.indexOf(" in the north"), "Harbour Trust")).toBe(false);
  });
});

describe("cards with a cut name", () => {
  it("asks for the whole name, tail included, never for half of it", () => {
    const g = generate("Norway will keep its pledge to the Relief Fund for Flood Victims in Bangladesh until the programme ends.");
    expect(g.cards.filter((c) => c.prompt.includes("____ in Bangladesh"))).toEqual([]);
    const card = g.cards.find((c) => c.answer === "Relief Fund for Flood Victims in Bangladesh");
    expect(card?.prompt).toBe("Norway will keep its pledge to the ____ until the programme ends.");
    expect(card?.distractors).toEqual([]);
  });

  it("leaves a name whose sentence goes on in lower case as it is", () => {
    const g = generate("Norway will keep its pledge to the Relief Fund for Flood Victims until the programme ends in 2031.");
    expect(g.cards.some((c) => c.answer === "Relief Fund for Flood Victims")).toBe(true);
  });
});

describe("a marker that opens a phrase", () => {
  it("keeps 'In addition to' with the name it governs", () => {
    const g = generate("In addition to the Harbour Board that runs the port, there will be a joint panel on fishing quotas chaired by Norway.");
    expect(g.cards.some((c) => /^To the ____/.test(c.prompt))).toBe(false);
    expect(g.facts.length).toBeGreaterThan(0);
    expect(g.facts.every((f) => f.sentence.startsWith("In addition to"))).toBe(true);
  });

  it("still drops 'In addition,' as a marker", () => {
    const g = generate("In addition, the Harbour Board will publish its accounts in 2031.");
    expect(g.facts.length).toBeGreaterThan(0);
    expect(g.facts.every((f) => f.sentence.startsWith("The Harbour Board") || f.sentence.startsWith("the Harbour Board"))).toBe(true);
  });
});
