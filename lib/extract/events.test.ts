import { describe, expect, it } from "vitest";
import { generate } from "./index";

describe("presupposed events", () => {
  it("restates a dated event a question takes for granted, as a statement", () => {
    const g = generate("Could we see a repeat of a border war like in 1969 on the Ussuri River? Nobody can say for sure what will happen.");
    const f = g.facts.find((x) => x.fields.presupposed);
    expect(f?.answer).toBe("1969");
    expect(g.cards.find((c) => c.factKey === f?.key)?.prompt).toBe("The border war took place in ____.");
  });

  it("needs a specific event: a bare 'the crisis of 1962' in an opinion makes no card", () => {
    expect(generate("I think the current situation has nothing to do with the crisis of 1962.").cards).toEqual([]);
  });
});
