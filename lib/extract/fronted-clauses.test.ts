// A fronted clause split by an inserted phrase ("will, by its nature, be") is not a pronoun subject.
import { describe, expect, it } from "vitest";
import { clean } from "./clean";
import { analyze } from "./nlp";
import { buildSentences, subjectStart } from "./sentences";

function first(text: string) {
  const { masked } = clean(text);
  const a = analyze(masked);
  return buildSentences(masked, a.tokens, a.sentences)[0];
}

describe("afterFronted (via subjectStart)", () => {
  it("carries a subordinate clause past an inserted phrase that splits its verb", () => {
    const s = first("Although the final cost of the bridge will, by its nature, be dependent on steel prices, the council approved a budget of £12 million in March 2019.");
    expect(s.tokens[subjectStart(s.tokens)].lower).toBe("the");
    expect(s.tokens[subjectStart(s.tokens) + 1].lower).toBe("council");
    expect(s.pronounSubject).toBe(false);
  });

  it("skips an inserted phrase after a fronted adverbial and finds a pronoun subject behind it", () => {
    const s = first("In the spring of 2019, by contrast, it approved a budget of £12 million for the bridge.");
    expect(s.tokens[subjectStart(s.tokens)].lower).toBe("it");
    expect(s.pronounSubject).toBe(true);
  });

  it("leaves a sentence without an inserted phrase as it was", () => {
    const s = first("Although the bridge was late, the council approved a budget of £12 million in March 2019.");
    expect(s.tokens[subjectStart(s.tokens)].lower).toBe("the");
    expect(s.pronounSubject).toBe(false);
  });
});
