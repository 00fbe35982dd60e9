import { describe, expect, it } from "vitest";
import { analyzeDocument } from "./index";

function definitions(text: string) {
  // Phrase claims (phrases.ts, tested in phrases.test.ts) are definitions too; these tests are about definitions.ts.
  return analyzeDocument(text).candidates.filter((c) => c.kind === "definition" && !c.fields.claim);
}

describe("definitions", () => {
  it("reads 'X consists of building Y' as Y", () => {
    const [d] = definitions("In fact, Russia's global project consists of building a multipolar world, that is to say a balanced one.");
    expect(d.answer).toBe("a multipolar world");
    expect(d.fields.term).toBe("Russia's global project");
  });

  it("reads a counted list after a colon when the count matches", () => {
    const [d] = definitions("These are Russian partnerships essentially on two axes: security and energy, but also culture.");
    expect(d.answer).toBe("security and energy");
    expect(d.fields).toMatchObject({ term: "two axes", items: ["security", "energy"] });
  });

  it("rejects a counted list whose items do not match the count", () => {
    expect(definitions("Chile has three priorities: mining and fishing.")).toEqual([]);
  });

  it("expands an acronym once, with a question", () => {
    const got = definitions("There is no unity in the OAS, the Organization of American States, today. The OAS, the Organization of American States, met.");
    expect(got).toHaveLength(1);
    expect(got[0].answer).toBe("Organization of American States");
    expect(got[0].question).toBe("What does OAS stand for?");
  });

  it("expands an acronym whose expansion has a hyphenated word ('the CTBC, the Counter-Terrorism Budget Council')", () => {
    const got = definitions("Funds go only to members of the CTBC, the Counter-Terrorism Budget Council.");
    expect(got.map((d) => [d.answer, d.question])).toEqual([["Counter-Terrorism Budget Council", "What does CTBC stand for?"]]);
    // The hyphen's second part must start with a capital to count: "Anti-terror Board" is not ATB.
    expect(definitions("Funds go only to members of the ATB, the Anti-terror Board.")).toEqual([]);
  });

  it("reads a named actor's strategy or activity", () => {
    const got = definitions("Russia's main strategy in Latin America now is to challenge this new doctrine. The main activity of Russia is consulting, because it has authority.");
    expect(got.map((d) => d.answer)).toEqual(["to challenge this new doctrine", "consulting"]);
  });

  it("needs a named subject: a generic strategy is not a definition", () => {
    expect(definitions("The main strategy is to wait.")).toEqual([]);
  });

  it("reads 'ACR stands for Expansion'", () => {
    const [d] = definitions("The rule applies in the EEA. EEA stands for European Economic Area, a single market.");
    expect(d.answer).toBe("European Economic Area");
    expect(d.question).toBe("What does EEA stand for?");
  });

  it("reads a class-and-difference definition, but not a bare predicate", () => {
    const [d] = definitions("Dendrochronology is a method that dates wood by counting its growth rings. Spanish is the main language.");
    expect(d.answer).toBe("a method that dates wood by counting its growth rings");
    expect(definitions("Spanish is the main language there today.")).toEqual([]);
  });
});
