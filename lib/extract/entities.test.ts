import { describe, expect, it } from "vitest";
import { analyzeDocument } from "./index";
import { nameKey, sameName } from "./entities";

function entities(text: string) {
  const { doc } = analyzeDocument(text);
  const mentions = doc.entities.bySentence.flat();
  return { all: [...doc.entities.entities.values()], mentions };
}

describe("entities", () => {
  it("finds a person after capitalised descriptors ('Ohio Democrat Mary K. Dunn'), leaving them out of the name", () => {
    const { mentions } = entities("The bill passed 60 to 2, with only Ohio Democrat Mary K. Dunn voting against it.");
    expect(mentions.filter((m) => m.type === "person").map((m) => m.text)).toEqual(["Mary K. Dunn"]);
    // No known first name after the descriptors: no person is guessed.
    expect(entities("The bill passed 60 to 2, with only Ohio Democrat Quorvel K. Dunn voting against it.").mentions.some((m) => m.type === "person")).toBe(false);
  });

  it("reads a dotted country acronym after 'and the' as the country ('Norway and the U.K.')", () => {
    const { mentions } = entities("The fund was set up by Norway and the U.K. in the spring.");
    expect(mentions.filter((m) => m.type === "country").map((m) => m.entityId)).toEqual(["country:Norway", "country:United Kingdom"]);
    // Initials that are no country stay what they were.
    expect(entities("The fund was set up by Norway and the Q.X. in the spring.").mentions.some((m) => m.text.includes("Q.X."))).toBe(false);
  });

  it("never cuts a hyphenated name ('Ferreira-Lima', 'Jean-Claude')", () => {
    const names = (t: string) => entities(t).mentions.filter((m) => m.type === "person").map((m) => m.text);
    expect(names("The talks were led by Foreign Minister Paulo Ferreira-Lima.")).toEqual(["Paulo Ferreira-Lima"]);
    expect(names("Later, Jean-Claude Juncker was named envoy for the treaty.")).toEqual(["Jean-Claude Juncker"]);
    // A spaced dash is punctuation, not part of the name.
    expect(names("The talks were led by Foreign Minister Paulo Ferreira - Lima was the venue.")).toEqual(["Paulo Ferreira"]);
  });

  it("keeps a dotted country acronym and the posting in a diplomat's title ('U.S. Envoy to the Argentine')", () => {
    const { mentions } = entities(
      "Meanwhile U.S. Ambassador to Norway Clara Beth Holm flew home. Later, U.K. Minister to the Argentine Rupert Vane Hale resigned.",
    );
    expect(mentions.filter((m) => m.type === "person").map((m) => [m.text, m.role])).toEqual([
      ["Clara Beth Holm", "U.S. Ambassador to Norway"],
      ["Rupert Vane Hale", "U.K. Minister to the Argentine"],
    ]);
    // Not a title: a country after "to" with no role word before it stays a country.
    expect(entities("Exports to Norway Clara Beth Holm said rose.").mentions.some((m) => m.role?.includes("Norway"))).toBe(false);
  });

  it("does not read a sentence-initial 'Don,' as a person", () => {
    const { all } = entities("Don, there is no financial question that arises on this subject.");
    expect(all.filter((e) => e.type === "person")).toEqual([]);
  });

  it("does not read 'Monroe' in 'Monroe Doctrine' as a person", () => {
    const { all } = entities("He said that the Monroe Doctrine was still in force in 2019.");
    expect(all.some((e) => e.type === "person")).toBe(false);
  });

  it("does not turn a heading into an organisation", () => {
    const { all } = entities("Global Energy Security Council Report\n\nThe meeting ended early today.");
    expect(all.filter((e) => e.type === "org")).toEqual([]);
  });

  it("finds a person with a title prefix and keeps the title as role", () => {
    const { all } = entities("We must remember the words of former US Secretary of State Rex Tillerson in 2019.");
    const p = all.find((e) => e.type === "person");
    expect(p?.name).toBe("Rex Tillerson");
    expect(p?.role).toBe("former US Secretary of State");
    expect(p?.roleClass).toBe("political");
  });

  it("takes a role from apposition or 'is a'", () => {
    const { all } = entities("Gabriel Boric, the president of Chile, spoke on Monday. Amina Bello is a researcher at the National Institute.");
    const people = all.filter((e) => e.type === "person");
    expect(people.map((p) => [p.name, p.roleClass])).toEqual([
      ["Gabriel Boric", "political"],
      ["Amina Bello", "academic"],
    ]);
  });

  it("merges spelling variants of one person, including a speaker label", () => {
    const { all } = entities("Andrei Piatakov is a political scientist.\n\nAndrei Pyatakov : The talks matter a great deal.");
    const people = all.filter((e) => e.type === "person");
    expect(people).toHaveLength(1);
    expect(people[0].variants).toEqual(expect.arrayContaining(["Andrei Piatakov", "Andrei Pyatakov"]));
  });

  it("links an acronym and its expansion to one organisation", () => {
    const { all } = entities("There is no unity in the OAS, the Organization of American States, today. The OAS met again.");
    const orgs = all.filter((e) => e.type === "org");
    expect(orgs).toHaveLength(1);
    expect(orgs[0].acronym).toBe("OAS");
    expect(orgs[0].expansion).toBe("Organization of American States");
  });

  it("splits 'X and Y' into two parties but keeps a country named with 'and'", () => {
    const { mentions } = entities("The European Union and Mercosur signed a deal. Bosnia and Herzegovina applied later.");
    expect(mentions.filter((m) => m.type === "org").map((m) => m.text)).toEqual(["European Union", "Mercosur"]);
    expect(mentions.filter((m) => m.type === "country").map((m) => m.text)).toEqual(["Bosnia and Herzegovina"]);
  });

  it("reads demonyms as mentions of their country, not of a territory", () => {
    const { mentions } = entities("Russian submarines may use Venezuelan ports, American officials said.");
    expect(mentions.filter((m) => m.type === "demonym").map((m) => m.entityId)).toEqual([
      "country:Russia",
      "country:Venezuela",
      "country:United States",
    ]);
  });

  it("does not count a one-off model code as an organisation", () => {
    const { all } = entities("A center repairs Russian MI helicopters in Lima.");
    expect(all.some((e) => e.type === "org")).toBe(false);
  });

  it("compares names across transliterations", () => {
    expect(sameName("Andrei Piatakov", "Andrei Pyatakov")).toBe(true);
    expect(sameName("Andrei Piatakov", "Boris Piatakov")).toBe(false);
    expect(nameKey("Piñera")).toBe("pinera");
  });

  it("reads a name the word lists do not know as a person when the text gives a role", () => {
    const { all } = entities("Nguyen Thi Lan, chair of the Mekong Rice Association, spoke on Friday. Wu Hao said the port was full.");
    expect(all.filter((e) => e.type === "person").map((p) => p.name)).toEqual(["Nguyen Thi Lan", "Wu Hao"]);
  });

  it("reads a month or modal that spells a first name", () => {
    const { all } = entities("The hub in Uppsala is led by May Lindqvist. Will Hartmann, chief executive of the firm, agreed.");
    expect(all.filter((e) => e.type === "person").map((p) => p.name)).toEqual(["May Lindqvist", "Will Hartmann"]);
  });

  it("reads a company-form suffix as an organisation", () => {
    const { all } = entities("Nordwind Energie GmbH and Fjord Kraft AS signed a supply deal.");
    expect(all.filter((e) => e.type === "org").map((o) => [o.name, o.orgKind])).toEqual([
      ["Nordwind Energie GmbH", "company"],
      ["Fjord Kraft AS", "company"],
    ]);
  });
});

describe("names with a middle initial", () => {
  it("reads 'Frank B. Kellogg'-shaped names as one person, not an acronym", async () => {
    const { analyzeDocument } = await import("./index");
    const { doc } = analyzeDocument("Martha T. Lindgren signed the charter in Oslo in 1950.");
    expect(doc.entities.bySentence[0].map((m) => `${m.type}:${m.text}`)).toContain("person:Martha T. Lindgren");
  });
});

describe("titles and particles in names", () => {
  it("reads 'Ambassador to Italy Count X', nobility titles and 'von'/'van' particles as one titled person", async () => {
    const { analyzeDocument } = await import("./index");
    const { doc } = analyzeDocument("Spanish Ambassador to Italy Count Rafael Ortega met Baron Karl von Hessling in Rome in 1920.");
    const people = doc.entities.bySentence[0].filter((m) => m.type === "person").map((m) => m.text);
    expect(people).toEqual(["Rafael Ortega", "Karl von Hessling"]);
  });
  it("does not take a lower-case word at the edge of a name for a particle", async () => {
    const { analyzeDocument } = await import("./index");
    const { doc } = analyzeDocument("The committee met Karl Hessling de facto in Rome in 1920.");
    expect(doc.entities.bySentence[0].filter((m) => m.type === "person").map((m) => m.text)).toEqual(["Karl Hessling"]);
  });
});
