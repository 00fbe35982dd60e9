import { describe, expect, it } from "vitest";
import { generate } from "./index";

const cards = (body: string, published = "2019-05-02") => generate(`published: ${published}\n\n${body}\n`).cards;
const prompts = (body: string, published?: string) => cards(body, published).map((c) => [c.prompt, c.answer]);

describe("numbers that are not plain", () => {
  it("asks for '20-plus' as written, with no near distractor", () => {
    const [c] = cards("The ferry captain has crossed the strait for 20-plus years.");
    expect([c.prompt, c.answer, c.distractors]).toEqual(["The ferry captain has crossed the strait for ____ years.", "20-plus", []]);
    expect(cards("The ferry captain has crossed the strait for 20 years plus two winters.").some((c) => c.answer === "20-plus")).toBe(false);
  });

  it("asks for a rank glued to its superlative", () => {
    expect(prompts("The port is now the fourth-largest container terminal in Europe.")).toContainEqual([
      "The port is now the ____-largest container terminal in Europe.",
      "fourth",
    ]);
    expect(cards("The port has a fourth-floor office for the harbour master.").some((c) => c.answer === "fourth")).toBe(false);
  });

  it("asks for a range 'between X and Y' once", () => {
    const got = prompts("Turnout rose to between 40% and 45% in the northern districts.");
    expect(got).toEqual([["Turnout rose to between ____ in the northern districts.", "40% and 45%"]]);
  });

  it("asks for money in two currencies once, accepting either amount", () => {
    const [c] = cards("The new bridge over the estuary cost €3.5 billion (£3.1 billion) to build.");
    expect([c.prompt, c.answer]).toEqual(["The new bridge over the estuary cost ____ to build.", "€3.5 billion"]);
    expect(c.accepted).toContain("£3.1 billion");
    // Two amounts in one currency are two facts.
    expect(cards("The bridge cost €3.5 billion and the tunnel €2 billion, the agency said.").map((c) => c.answer)).toEqual(["€3.5 billion", "€2 billion"]);
  });

  it("reads a clipped year as a year only when its century is certain", () => {
    const [c] = cards("Veterans still speak of the spirit of '41 when the harbour was rebuilt.");
    expect([c.prompt, c.answer]).toEqual(["Veterans still speak of the spirit of ____ when the harbour was rebuilt.", "1941"]);
    expect(c.accepted).toContain("'41");
    // "'15" in a text of 2019 could be 1915 or 2015.
    expect(cards("Veterans still speak of the spirit of '15 when the harbour was rebuilt.")).toEqual([]);
  });
});

describe("ranges with thousands separators", () => {
  it("keeps the full stop out of the range and the separators inside the numbers", () => {
    const c = cards("Average gates were between 18,000 and 21,000. Ticket prices stayed between 2500 and 3000 yen.");
    expect(c.map((x) => x.answer)).toEqual(["18,000 and 21,000", "2500 and 3000"]);
    expect(c[0].accepted).toContain("21,000 and 18,000");
  });
});

describe("clipped years in a narrative", () => {
  it("reads '81 in the century of the narrative's years, and refuses it when no century lies near them", () => {
    const c = cards("The keeper took charge of the light in 1871. In the storm of '81, the landing was washed away.", "2020-09-01");
    expect(c.find((x) => /storm/.test(x.prompt))?.answer).toBe("1881");
    // 1950 is the nearest full year: neither 1910 nor 2010 lies within 30 years of it.
    const mixed = cards("The club was founded in 1950. In the great flood of '10, the ground was lost.", "2020-09-01");
    expect(mixed.some((x) => /flood/.test(x.prompt))).toBe(false);
  });
});

describe("durations as compound adjectives and ranks after a verb of ranking", () => {
  it("asks 'a two-day strike' whole, accepting the digits and the spaced forms", () => {
    const c = cards("The dockers held a two-day strike over the new shift rota in the harbour.").find((x) => x.answer === "two-day");
    expect([c?.prompt, c?.accepted]).toEqual(["The dockers held a ____ strike over the new shift rota in the harbour.", ["2-day", "two day", "2 day"]]);
    expect(prompts("The lighthouse crew began a 12-month posting on the outer island in the spring.")).toContainEqual([
      "The lighthouse crew began a ____ posting on the outer island in the spring.",
      "12-month",
    ]);
  });

  it("leaves ages and 'an 18-month …' alone (the article would narrow the answer)", () => {
    expect(cards("The 30-year-old keeper rowed out to the outer island every week.").some((c) => /year/.test(c.answer))).toBe(false);
    expect(cards("A 25-year old keeper rowed out to the outer island every week.").some((c) => /year/.test(c.answer))).toBe(false);
    expect(cards("The lighthouse crew began an 18-month posting on the outer island in the spring.").some((c) => /month/.test(c.answer))).toBe(false);
  });

  it("asks a rank after 'ranked', 'finished', 'placed', but not 'came first' (an order of events)", () => {
    const c = cards("The harbour town ranked third in the national survey of clean beaches.").find((x) => x.answer === "third");
    expect([c?.prompt, c?.accepted]).toEqual(["The harbour town ranked ____ in the national survey of clean beaches.", ["3rd", "3"]]);
    expect(cards("The mail boat came first to the outer island, then to the harbour town.").some((c) => c.answer === "first")).toBe(false);
  });
});

describe("decades", () => {
  it("asks 'in the mid-1990s' as a date written as the text writes it", () => {
    const c = cards("The ferry line grew quickly in the mid-1990s under its first director.").find((x) => x.kind === "date");
    expect([c?.prompt, c?.answer, c?.accepted]).toEqual(["The ferry line grew quickly in the ____ under its first director.", "mid-1990s", ["mid 1990s"]]);
    expect(cards("Ferry traffic has grown since the 1980s on every route to the islands.").map((x) => x.answer)).toContain("1980s");
  });

  it("takes no decade from a count or a temperature", () => {
    expect(cards("The crew counted 1990s-era boats and 1,950 passengers in the harbour.").some((x) => x.kind === "date")).toBe(false);
    expect(cards("The water stayed in the 60s all through the summer at the harbour.").some((x) => x.kind === "date")).toBe(false);
  });
});
