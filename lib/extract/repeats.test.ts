import { describe, expect, it } from "vitest";
import { generate } from "./index";
import { limitRepeats, MAX_PER_ANSWER } from "./repeats";
import type { CardDraft, Fact } from "./types";

const fact = (key: string, answer: string, kind: Fact["kind"] = "date"): Fact => ({ key, kind, answer, sentence: key, start: 0, end: 0, fields: {} });
const card = (factKey: string, prompt: string, distractors: string[] = [], kind: Fact["kind"] = "date"): CardDraft => ({
  key: `c_${factKey}`, factKey, kind, type: "cloze", prompt, answer: "2031", accepted: [], distractors, trueStatement: "", falseStatement: null, source: "",
});

describe("limitRepeats", () => {
  it("keeps the best two facts of a year repeated four times, preferring multiple choice and different cues", () => {
    const facts = [fact("a", "2031"), fact("b", "2031"), fact("c", "2031"), fact("d", "2031")];
    const cards = [
      card("a", "The harbour will be finished by the end of ____."),
      card("b", "The ferry service will stop after ____, once the new harbour has opened to every kind of traffic."),
      card("c", "The council voted in ____ to close the old pier.", ["2030", "2029", "2032"]),
      card("d", "The old quays will be rebuilt by the end of ____ as well."),
    ];
    const r = limitRepeats(facts, cards);
    expect(r.facts.map((f) => f.key)).toEqual(["a", "c"]);
    expect(r.cards.map((c) => c.factKey)).toEqual(["a", "c"]);
  });

  it("leaves a year written twice, and a name written many times, alone", () => {
    const facts = [fact("a", "2031"), fact("b", "2031"), fact("p", "Mara Lind", "actor"), fact("q", "Mara Lind", "actor"), fact("r", "Mara Lind", "actor")];
    const cards = [card("a", "x ____"), card("b", "y ____"), card("p", "p ____", [], "actor"), card("q", "q ____", [], "actor"), card("r", "r ____", [], "actor")];
    expect(limitRepeats(facts, cards).facts).toHaveLength(5);
  });

  it("keeps one of two prompts that ask one answer in nearly the same words, the fuller one", () => {
    const facts = [fact("a", "Harbour Board", "actor"), fact("b", "Harbour Board", "actor"), fact("c", "Harbour Board", "actor")];
    const cards = [
      card("a", "The pier was built outside the control of the ____ and is still in use.", [], "actor"),
      card("b", "The 1874 pier was built outside the control of the ____ and is still in use.", [], "actor"),
      card("c", "In 1902 the ____ rebuilt the north quay after a storm.", [], "actor"),
    ];
    expect(limitRepeats(facts, cards).facts.map((f) => f.key)).toEqual(["b", "c"]);
  });

  it("caps a repeated year in a whole document, the same way on every run", () => {
    const text = [
      "The Riverside line opened to passengers in 2031 after long delays.",
      "Its northern extension is planned for completion by the end of 2031.",
      "Ticket prices will be frozen until after 2031 under the agreement with the operator.",
      "The old tram depot will be demolished in 2031 to make room for housing.",
    ].join("\n\n");
    const once = generate(text);
    const years = once.facts.filter((f) => f.answer === "2031");
    expect(years.length).toBeLessThanOrEqual(MAX_PER_ANSWER);
    expect(years.length).toBeGreaterThan(0);
    expect(generate(text).cards.map((c) => c.key)).toEqual(once.cards.map((c) => c.key));
  });
});
