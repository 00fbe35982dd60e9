import { describe, expect, it } from "vitest";
import { generate } from "./index";

function cardFor(text: string, answer: string, publishedAt?: string) {
  return generate(text, { publishedAt }).cards.find((c) => c.answer === answer);
}

describe("distractors", () => {
  it("offers years near the answer, document years first", () => {
    const c = cardFor("In 2015, China overtook Russia. In 2018, a center opened in Lima. In 2021, Rosatom began work on a reactor.", "2015");
    expect(c?.distractors).toEqual(["2018", "2021", "2014"]);
  });

  it("does not offer years after publication for a past event", () => {
    const c = cardFor("In 2021, Rosatom began the construction of a reactor.", "2021", "2022-02-02");
    expect(c?.distractors.every((d) => Number(d) <= 2022)).toBe(true);
  });

  it("offers numbers of the same unit and magnitude in the same format", () => {
    expect(cardFor("The United States will deploy 3,000 soldiers in Europe.", "3,000")?.distractors).toEqual(["2,000", "4,000", "1,000"]);
    expect(cardFor("About 80% of the electricity is produced by old plants.", "80%")?.distractors).toEqual(["70%", "90%", "60%"]);
    // ("Over the past ten years" is a span up to now, a bound: it gets none, see quality.test.ts.)
    expect(cardFor("The army was modernized during a programme of ten years.", "ten years")?.distractors).toEqual(["five years", "fifteen years", "twenty years"]);
    expect(cardFor("The deal, worth $19 billion, was signed.", "$19 billion")?.distractors).toEqual(["$18 billion", "$20 billion", "$17 billion"]);
  });

  it("offers ranks that are not in the sentence", () => {
    const c = cardFor("Russia, the second largest arms exporter in the world, wants to regain first place.", "second");
    expect(c?.distractors).toEqual(["third", "fourth", "fifth"]);
  });

  it("keeps a weekday true for every date option", () => {
    const c = cardFor("The news came this Wednesday, February 2.", "February 2", "2022-02-02");
    expect(c?.distractors).toEqual(["January 26", "February 9", "February 16"]);
  });

  it("offers organisations of the same kind, in the answer's style", () => {
    const c = cardFor("The Lima Group no longer exists. NATO is expanding. The OAS, the Organization of American States, is divided.", "Lima Group");
    // Document blocs first (most mentioned first), then the built-in table.
    expect(c?.distractors).toEqual(["Organization of American States", "North Atlantic Treaty Organization", "European Union"]);
  });

  it("capitalises the options of an answer that opens its sentence", () => {
    const c = cardFor("Two ferries now serve the island every day. The port has 40 berths.", "Two");
    expect(c?.distractors.length).toBeGreaterThan(0);
    expect(c?.distractors.every((d) => /^\p{Lu}/u.test(d))).toBe(true);
  });

  it("never offers one body under two names among the options", () => {
    const text = "NATO sent two frigates to the strait. The UN Security Council met on the crisis. The United Nations Security Council then voted for a ceasefire. The Security Council asked both navies for calm. ASEAN and the African Union sent observers.";
    const c = cardFor(text, "NATO");
    expect(c?.distractors).toHaveLength(3);
    expect(c?.distractors.filter((d) => /Security Council/.test(d))).toHaveLength(1);
  });

  it("offers no bloc from the built-in table when the document names fewer than two other blocs", () => {
    const c = cardFor("The budget talks were long. In the spring, the EU will tell Norway the amount of each payment.", "EU");
    expect(c?.distractors).toEqual([]);
    expect(c?.falseStatement).toBeNull();
    // Two other blocs named: the table completes them.
    const d = cardFor("ASEAN and NATO sent observers. In the spring, the EU will tell Norway the amount of each payment.", "EU");
    expect(d?.distractors).toHaveLength(3);
  });

  it("offers people only of a comparable role", () => {
    const text = "Former US Secretary of State Rex Tillerson spoke in 2019. President Joe Biden and Chancellor Olaf Scholz met. Prime Minister Boris Johnson agreed.";
    const c = cardFor(text, "Rex Tillerson");
    expect(c?.distractors).toHaveLength(3);
    expect(c?.distractors).toEqual(expect.arrayContaining(["Joe Biden", "Olaf Scholz", "Boris Johnson"]));
    const scientist = cardFor("Amina Bello is a political scientist at the National Institute. President Joe Biden and Chancellor Olaf Scholz met.", "Amina Bello");
    expect(scientist?.distractors).toEqual([]);
  });
});

describe("bounds", () => {
  it("gives a bound neither distractors nor a false statement: 'more than 40' is still true of 50", () => {
    const c = cardFor("More than 50 nations joined the convention on fishing.", "50");
    expect(c?.distractors).toEqual([]);
    expect(c?.falseStatement).toBeNull();
    const d = cardFor("The harbour will stay closed until 2031 for the repairs.", "2031");
    expect(d?.distractors).toEqual([]);
  });

  it("still perturbs an exact figure and an approximation", () => {
    expect(cardFor("About 80% of the electricity is produced by old plants.", "80%")?.distractors).toHaveLength(3);
  });
});

describe("people behind a written title", () => {
  it("offers only people the document gives the same title", () => {
    const text =
      "President Ana Reyes met President Tomas Weber in 2019. President Lena Ortiz and President Karl Moser joined them. President Omar Haddad sent a letter. Trade Minister Paul Ngata signed the accord. In 2020, President Ana Reyes opened the port.";
    const c = cardFor(text, "Ana Reyes");
    expect(c?.distractors).not.toContain("Paul Ngata");
    expect(c?.distractors).toHaveLength(3);
  });
});

describe("people distractors of the same role", () => {
  const DOC =
    "Former prime minister Anna Lind opened the harbour in 1990. Prime Minister Olav Berg met Prime Minister Ruth Hale in 2001. Prime Minister Jonas Dahl signed the deal. Minister Karl Moe and Minister Eva Nord and Minister Lars Vik spoke. Governor Ida Holm, Governor Per Lund and Governor Siri Aas came too.";

  it("offers only people the document gives the title written before the blank, in lower case too", () => {
    const card = generate(DOC).cards.find((c) => c.answer === "Anna Lind");
    expect(card?.prompt).toMatch(/prime minister ____/i);
    expect(card?.distractors.length).toBe(3);
    for (const d of card!.distractors) expect(["Olav Berg", "Ruth Hale", "Jonas Dahl"]).toContain(d);
  });

  it("reads the title of an appositive after the blank ('____, a great Prime Minister,')", () => {
    const text = `${DOC} One of the founders, Nils Rud, a great Prime Minister, retired in 2005.`;
    const card = generate(text).cards.find((c) => c.answer === "Nils Rud");
    for (const d of card?.distractors ?? []) expect(["Olav Berg", "Ruth Hale", "Jonas Dahl", "Anna Lind"]).toContain(d);
  });

  it("never offers a state for an organisation, nor organisations for a state", () => {
    const text =
      "The pact was signed at the League of Nations in 1928. The Soviet Union ratified the pact in 1929. The Arctic Council and the Nordic Council met in 1930.";
    const g = generate(text);
    expect(g.cards.find((c) => c.answer === "Soviet Union")?.distractors ?? []).toEqual([]);
    for (const c of g.cards) expect(c.distractors).not.toContain("Soviet Union");
  });
});

describe("a title's distractors share the whole title", () => {
  it("offers no prime minister for 'Minister ____'", () => {
    const text =
      "Prime Minister Olav Berg met Prime Minister Ruth Hale in 2001. Prime Minister Jonas Dahl signed the deal. Minister Karl Moe opened the new fish market in the harbour in 2003. Minister Eva Nord closed the old ferry terminal. Minister Lars Vik visited the northern islands. Minister Siri Aas opened a school in the valley.";
    const card = generate(text).cards.find((c) => c.answer === "Karl Moe");
    expect(card?.distractors.length).toBe(3);
    for (const d of card!.distractors) expect(["Eva Nord", "Lars Vik", "Siri Aas"]).toContain(d);
  });

  it("never offers 'first' for an ordinal before a superlative ('first largest')", () => {
    const c = cardFor("By 1990 the port of Antwerp had become the second busiest port on the continent.", "second");
    expect(c?.distractors.length).toBeGreaterThanOrEqual(3);
    expect(c?.distractors).not.toContain("first");
  });

  it("still offers 'first' for an ordinal not before a superlative (negative case)", () => {
    const c = cardFor("Norway finished second in the world sailing championship held at Bergen in 1990.", "second");
    expect(c?.distractors).toContain("first");
  });
});
