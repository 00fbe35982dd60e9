import { describe, expect, it } from "vitest";
import { analyzeDocument } from "./index";

function actors(text: string) {
  return analyzeDocument(text).candidates.filter((c) => c.kind === "actor");
}

describe("actors", () => {
  it("makes a person fact with the role and a 'Who is' question", () => {
    const [a] = actors("Andrei Piatakov is a political scientist and researcher at the Latin American Institute.");
    expect(a.answer).toBe("Andrei Piatakov");
    expect(a.question).toBe("Who is a political scientist and researcher at the Latin American Institute?");
  });

  it("makes an organisation fact when it is the subject", () => {
    const got = actors("The Lima Group no longer exists, no longer functions. In 2021, the Rosatom company began the construction of a reactor.");
    expect(got.map((a) => [a.answer, a.fields.orgKind])).toEqual([
      ["Lima Group", "bloc"],
      ["Rosatom", "company"],
    ]);
  });

  it("does not make an organisation fact from a passing mention", () => {
    expect(actors("Tensions rose between Russia and NATO countries last year.")).toEqual([]);
  });

  it("does not make actor facts from questions or opinions", () => {
    expect(actors("Is Rex Tillerson right? I think Sebastian Pinera was wrong.")).toEqual([]);
  });

  it("caps the number of facts per entity", () => {
    const text = Array.from({ length: 5 }, (_, i) => `Maria Lopez visited plant number ${i + 2} on Monday.`).join(" ");
    expect(actors(text).length).toBe(2);
  });
});

describe("organisations anywhere in a sentence", () => {
  it("asks for a name of several words wherever it stands, a one-word name only as the subject", async () => {
    const { generate } = await import("./index");
    const cards = generate("The fishing quota was negotiated outside the Northern Fisheries Council and remains in force.").cards;
    expect(cards.map((c) => c.answer)).toContain("Northern Fisheries Council");
    const none = generate("The fishing quota was negotiated outside Oxfam and remains in force.").cards;
    expect(none.map((c) => c.answer)).not.toContain("Oxfam");
  });
});

describe("titled people of a country and named things", () => {
  it("reads 'Prime Minister X of Denmark' as a titled person and the country", async () => {
    const { analyzeDocument } = await import("./index");
    const { doc } = analyzeDocument("The leaders invited Prime Minister Halvorsen of Norway to open the session.");
    expect(doc.entities.bySentence[0].map((m) => `${m.type}:${m.text}`)).toEqual(["person:Halvorsen", "country:Norway"]);
  });

  it("asks for a thing named by a proper name and a head noun, never for a nationality and a noun", async () => {
    const { generate } = await import("./index");
    const named = generate("The two firms signed a contract for a new gas field off the coast called the Marlin development.").cards;
    expect(named.map((c) => c.answer)).toContain("Marlin development");
    const plain = generate("The two firms signed a contract for the Norwegian development and the Anglo-Norwegian project in the north.").cards;
    expect(plain.map((c) => c.answer).filter((a) => /development|project/.test(a))).toEqual([]);
  });
});
