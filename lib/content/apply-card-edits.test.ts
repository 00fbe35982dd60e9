import { describe, expect, it } from "vitest";
import type { Generated } from "@/lib/extract/types";
import { applyCardEdits } from "./apply-card-edits";

const fact = (key: string) => ({ key, kind: "date" as const, answer: "1990", sentence: "In 1990, A and B signed a treaty.", start: 0, end: 33, fields: {} });
const card = (key: string, factKey: string) => ({
  key,
  factKey,
  kind: "date" as const,
  type: "cloze" as const,
  prompt: "In ____, A and B signed a treaty.",
  answer: "1990",
  accepted: ["nineteen ninety"],
  distractors: ["1988", "1991", "1992"],
  trueStatement: "In 1990, A and B signed a treaty.",
  falseStatement: "In 1991, A and B signed a treaty.",
  source: "In 1990, A and B signed a treaty.",
});
const generated: Generated = { facts: [fact("f1"), fact("f2")], cards: [card("c1", "f1"), card("c2", "f2"), card("c3", "f2")] };

describe("applyCardEdits", () => {
  it("keeps only the cards the user kept, and the facts they come from", () => {
    const r = applyCardEdits(generated, [
      { key: "c1", keep: false, prompt: "x", answer: "1990" },
      { key: "c2", keep: true, prompt: card("c2", "f2").prompt, answer: "1990" },
    ]);
    expect(r.cards.map((c) => c.key)).toEqual(["c2"]);
    expect(r.facts.map((f) => f.key)).toEqual(["f2"]);
  });

  it("applies an edited prompt and keeps the generated data when the answer is unchanged", () => {
    const [c] = applyCardEdits(generated, [{ key: "c1", keep: true, prompt: "When did A and B sign a treaty?", answer: "1990" }]).cards;
    expect(c.prompt).toBe("When did A and B sign a treaty?");
    expect(c.accepted).toEqual(["nineteen ninety"]);
    expect(c.falseStatement).not.toBeNull();
  });

  it("drops variants and the false statement made for an answer the user changed", () => {
    const [c] = applyCardEdits(generated, [{ key: "c1", keep: true, prompt: "p", answer: "1991" }]).cards;
    expect(c.answer).toBe("1991");
    expect(c.accepted).toEqual([]);
    expect(c.falseStatement).toBeNull();
    expect(c.distractors).toEqual([]); // "1991" was a distractor: two left is not a well-formed question
  });

  it("ignores keys the generator did not make", () => {
    expect(applyCardEdits(generated, [{ key: "forged", keep: true, prompt: "p", answer: "a" }]).cards).toEqual([]);
  });
});
