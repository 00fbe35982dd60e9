import { describe, expect, it } from "vitest";
import { baseForm } from "./questions";
import { analyzeDocument } from "./index";

describe("questions", () => {
  it("turns past verbs into their base form", () => {
    expect(["signed", "overtook", "began", "visited", "modernized", "inaugurated"].map(baseForm)).toEqual([
      "sign", "overtake", "begin", "visit", "modernize", "inaugurate",
    ]);
  });

  it("moves a fronted adverbial to the end of the question", () => {
    const [d] = analyzeDocument(
      "In November 2019, during the protests against the government, representatives of the armed forces visited the city of Valparaiso.",
    ).candidates.filter((c) => c.kind === "date");
    expect(d.question).toBe("When did representatives of the armed forces visit the city of Valparaiso, during the protests against the government?");
  });

  it("stops the question before a second clause with its own subject", () => {
    const [d] = analyzeDocument("In 2016, militants attacked pipelines in the delta and production fell by 30%.").candidates.filter((c) => c.kind === "date");
    expect(d.question).toBe("When did militants attack pipelines in the delta?");
  });

  it("asks about a date closing a simple clause", () => {
    const [d] = analyzeDocument("The company was founded in 1976.").candidates.filter((c) => c.kind === "date");
    expect(d.question).toBe("When was the company founded?");
  });
});

describe("question rewrites of subordinate clauses", () => {
  it("makes no 'When did X spread as Y enter…?' question: the date belongs to the subordinate clause", () => {
    const { candidates } = analyzeDocument("The fire spread as the wind turned the flames toward the town on March 4, 1911.");
    expect(candidates.map((c) => c.question).filter(Boolean)).toEqual([]);
  });

  it("still rewrites a plain clause (negative case)", () => {
    const { candidates } = analyzeDocument("The bridge was opened to traffic on March 4, 1911.");
    expect(candidates.map((c) => c.question)).toContain("When was the bridge opened to traffic?");
  });
});
