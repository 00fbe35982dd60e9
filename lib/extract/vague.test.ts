import { describe, expect, it } from "vitest";
import { generate } from "./index";
import { bareNounInFrame, vagueAnswer, type Word } from "./vague";

const w = (spec: string): Word[] => spec.split(" ").map((x) => { const [lower, pos] = x.split("/"); return { lower, pos }; });

describe("vagueAnswer", () => {
  it("finds a word of judgement on a common noun", () => {
    expect(vagueAnswer(w("a/DET loyal/ADJ ally/NOUN"))).toBe(true);
    expect(vagueAnswer(w("the/DET ideal/ADJ partner/NOUN"))).toBe(true);
    expect(vagueAnswer(w("a/DET clear/ADJ plan/NOUN for/ADP trade/NOUN"))).toBe(true);
  });

  it("keeps a judgement after a figure, a judgement with a complement, and plain descriptions", () => {
    expect(vagueAnswer(w("three/NUM great/ADJ river/NOUN ports/NOUN"))).toBe(false);
    expect(vagueAnswer(w("essential/ADJ to/ADP our/PRON trade/NOUN"))).toBe(false);
    expect(vagueAnswer(w("a/DET coastal/ADJ state/NOUN"))).toBe(false);
  });
});

describe("bareNounInFrame", () => {
  it("finds a lone bare noun held by a preposition after it", () => {
    expect(bareNounInFrame(w("responsibility/NOUN"), { lower: "have", pos: "VERB" }, { lower: "for", pos: "ADP" })).toBe(true);
  });

  it("keeps a lone noun that ends its clause, or one with an article", () => {
    expect(bareNounInFrame(w("training/NOUN"), { lower: "is", pos: "AUX" }, { lower: ".", pos: "PUNCT" })).toBe(false);
    expect(bareNounInFrame(w("training/NOUN"), { lower: "is", pos: "AUX" }, undefined)).toBe(false);
    expect(bareNounInFrame(w("charge/NOUN"), { lower: "the", pos: "DET" }, { lower: "of", pos: "ADP" })).toBe(false);
  });
});

describe("phrase cards", () => {
  it("asks for no praise word, but still for a description", () => {
    const text = 'INTERVIEWER: How do you see Chile?\n\nPRIME MINISTER: Chile is a loyal ally and a good neighbour of ours in the Pacific. The new pact creates a joint fisheries council for the southern ocean. Chile will have responsibility for its own coastal patrols.';
    const g = generate(text, { title: "Interview with Prime Minister Lena Moss" });
    expect(g.cards.some((c) => c.answer === "loyal ally")).toBe(false);
    expect(g.cards.some((c) => c.answer === "responsibility")).toBe(false);
    expect(g.cards.some((c) => /fisheries council/.test(c.answer))).toBe(true);
  });
});
