import { describe, expect, it } from "vitest";
import { generate } from "./index";

const clozes = (body: string) => generate(`${body}\n`).cards.filter((c) => c.type === "cloze").map((c) => [c.prompt, c.answer]);

describe("a count and its members in one sentence", () => {
  it("asks the members with the count in view, and the count with the list taken out (dashes)", () => {
    expect(clozes("Four islands – Arran, Bute, Islay and Mull – voted to join the ferry cooperative in its first year.")).toEqual([
      ["____ islands voted to join the ferry cooperative in its first year.", "Four"],
      ["Four islands – ____ – voted to join the ferry cooperative in its first year.", "Arran, Bute, Islay and Mull"],
    ]);
  });

  it("reads a list after a colon that ends the sentence, and a list in brackets", () => {
    expect(clozes("The museum's loan policy has three rules: written consent, insured transport and a signed condition report.")).toEqual([
      ["The museum's loan policy has ____ rules.", "three"],
      ["The museum's loan policy has three rules: ____.", "written consent, insured transport and a signed condition report"],
    ]);
    expect(clozes("The charter was signed by three guilds (the weavers, the dyers and the fullers) in the spring.")).toContainEqual([
      "The charter was signed by ____ guilds in the spring.",
      "three",
    ]);
  });

  it("gives nothing when the count and the list disagree, or the list is made of clauses", () => {
    const five = clozes("Five islands – Arran, Bute, Islay and Mull – voted to join the ferry cooperative in its first year.");
    expect(five.some(([, a]) => a === "Arran, Bute, Islay and Mull")).toBe(false);
    expect(clozes("The plan has two strands: we rebuild the roads and we reopen the schools.")).toEqual([]);
    // With the list cut out, a demonstrative subject would point nowhere: no count card.
    expect(clozes("These are the plan's two strands: roads and schools.").some(([, a]) => a === "two")).toBe(false);
  });
});
