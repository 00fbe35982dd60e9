import { describe, expect, it } from "vitest";
import { analyzeDocument, generate } from "./index";

function surnames(text: string) {
  return analyzeDocument(text).candidates.filter((c) => c.fields.surname).map((c) => c.answer);
}

describe("lone surnames", () => {
  it("asks for a surname the text shows to be a person (a title, a verb of saying, 'his')", () => {
    const text =
      "The expedition left port in May. Consul Marlowe stayed behind. Later that week, Okonkwo wrote to the governor. " +
      "Okonkwo hired two guides for the crossing. Tessaro lost his maps in the river while Marlowe waited at the coast.";
    // "Consul Marlowe" is a titled name the entity rules already read; the lone surnames are new.
    expect(surnames(text)).toEqual(["Okonkwo", "Okonkwo", "Tessaro"]);
    const card = generate(text).cards.find((c) => c.answer === "Tessaro");
    expect(card?.prompt).toBe("____ lost his maps in the river while Marlowe waited at the coast.");
  });

  it("finds the surname after a fronted 'That evening'", () => {
    const text = "Okonkwo wrote to the governor in May. That evening Okonkwo was at the harbour when the ship came in.";
    expect(generate(text).cards.map((c) => c.prompt)).toContain("That evening ____ was at the harbour when the ship came in.");
  });

  it("does not read places, organisations or capitalised common words as surnames", () => {
    const text = "Geneva hosted the talks. Unilever announced his departure. Harvest began early that year. Harvest wrote nothing.";
    expect(surnames(text)).toEqual([]);
  });

  it("refuses a surname the text also writes in lower case or shares with a full name it gives", () => {
    expect(surnames("Consul Brook left early. Brook wrote to the board. A brook ran past the camp.")).toEqual([]);
    expect(surnames("Anna Marlowe sailed in June. Marlowe wrote to her brother. Marlowe hired a cook.")).toEqual([]);
  });
});
