// A figure said twice in one sentence about two different things is asked with the other one masked.
import { describe, expect, it } from "vitest";
import { generate } from "./index";

const clozes = (text: string, answer: string) => generate(text).cards.filter((c) => c.type === "cloze" && c.answer === answer).map((c) => c.prompt);

describe("repeated answer in one sentence", () => {
  it("asks one occurrence and masks the other when their frames differ", () => {
    const text = "Within two generations, Norway became the continent's third biggest exporter of gas and the third biggest producer of salmon.";
    const [p] = clozes(text, "third");
    expect(p).toContain("the continent's ____ biggest exporter of gas");
    expect(p).toContain("the […] biggest producer of salmon");
  });

  it("refuses a figure repeated in the same frame (negative case)", () => {
    const text = "The harbour of the old town was the third biggest in 2010 and again the third biggest in 2011 on the coast.";
    expect(clozes(text, "third")).toEqual([]);
  });
});
