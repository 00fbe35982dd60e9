import { describe, expect, it } from "vitest";
import { generate } from "./index";
import { isEvaluative } from "./evaluative";
import type { Tok } from "./sentences";

// "word" or "word/POS" (part of speech where a rule reads it).
const toks = (s: string): Tok[] =>
  s.split(/\s+/).map((w) => {
    const [text, pos = "X"] = w.split("/");
    return { text, lower: text.toLowerCase(), pos } as Tok;
  });

describe("isEvaluative", () => {
  it("finds stance adverbs and phrases, superlatives of judgement, loaded adjectives and modal judgements", () => {
    expect(isEvaluative(toks("Chile has undoubtedly the strongest navy in the region"))).toBe(true);
    expect(isEvaluative(toks("The fleet will no doubt return to the north"))).toBe(true);
    expect(isEvaluative(toks("These are the most dangerous waters of the Pacific"))).toBe(true);
    expect(isEvaluative(toks("The council was incompetent and slow"))).toBe(true);
    expect(isEvaluative(toks("It must be said that the port made huge gains"))).toBe(true);
    expect(isEvaluative(toks("The council should close the old pier"))).toBe(true);
    expect(isEvaluative(toks("Oslo has the best harbour/NOUN in the north"))).toBe(true);
  });

  it("leaves measures and plain reports alone", () => {
    expect(isEvaluative(toks("Chile is the second largest copper exporter in the world"))).toBe(false);
    expect(isEvaluative(toks("The senator voted against over concerns with British imperialism"))).toBe(false);
    expect(isEvaluative(toks("We should meet again in May"))).toBe(false);
    expect(isEvaluative(toks("The most recent census was held in 2021"))).toBe(false);
    expect(isEvaluative(toks("The council has always said that any levy should be fair"))).toBe(false);
    expect(isEvaluative(toks('The charter says members " should refrain from the use of force "'))).toBe(false);
    expect(isEvaluative(toks("Families began to prepare for the worst"))).toBe(false);
  });
});

describe("cards from evaluative sentences", () => {
  it("gives no card from a judgement the document makes without a speaker, and keeps its plain facts", () => {
    const g = generate("The Harbour Board, undoubtedly the most capable body in the province, opened the port in 1874.\n\nThe Harbour Board rebuilt the pier in 1902.");
    expect(g.cards.some((c) => c.answer === "1874")).toBe(false);
    expect(g.cards.some((c) => c.answer === "1902")).toBe(true);
  });

  it("attributes a speaker's judgement to the speaker", () => {
    const text = "INTERVIEWER: What about the navy?\n\nPRIME MINISTER: Chile has two fleets which are undoubtedly the most powerful in the region, and they were rebuilt in 1994.";
    const g = generate(text, { title: "Interview with ABC Radio, Prime Minister Lena Moss" });
    const card = g.cards.find((c) => c.answer === "1994");
    expect(card).toBeDefined();
    expect(card!.prompt).toMatch(/ said: "/);
  });

  it("attributes 'According to him, …' to the person the previous sentence introduced", () => {
    const text = "Mara Lind is an economist at the Institute of Fisheries. According to him, Norway has been buying Chilean salmon farms since 2011.";
    const g = generate(text);
    const card = g.cards.find((c) => c.answer === "2011");
    expect(card).toBeDefined();
    expect(card!.prompt).toMatch(/^According to Mara Lind, Norway has been buying/);
  });
});
