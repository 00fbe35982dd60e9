import { describe, expect, it } from "vitest";
import { generate } from "./index";

describe("counts that announce a list", () => {
  it("asks for the count of a sentence ending on a colon, shown with a full stop", () => {
    const text = "The recovery plan has four main strands:\n\na. Roads will be rebuilt first.\n\nb. Schools reopen in spring.";
    const card = generate(text).cards.find((c) => c.answer === "four");
    expect(card?.prompt).toBe("The recovery plan has ____ main strands.");
    const withClause = generate("The museum rests on three founding rules which guide every loan:\n\n- No loan leaves the country.");
    expect(withClause.cards.find((c) => c.answer === "three")?.prompt).toBe("The museum rests on ____ founding rules which guide every loan.");
  });

  it("never shows a same-sentence list beside its count (enumerations.ts cuts it), and no card when the count points back", () => {
    const two = generate("The plan has two strands: roads and schools.").cards.filter((c) => c.answer === "two");
    expect(two.map((c) => c.prompt)).toEqual(["The plan has ____ strands."]);
    expect(generate("The report then discusses the three main strands:\n\na. Roads come first.").cards.some((c) => c.answer === "three")).toBe(false);
  });
});
