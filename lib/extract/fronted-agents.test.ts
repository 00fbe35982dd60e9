import { describe, expect, it } from "vitest";
import { analyzeDocument, generate } from "./index";

const agents = (text: string) => analyzeDocument(text).candidates.filter((c) => c.fields.agentOf);

describe("fronted agents", () => {
  it("asks who did it when a sentence fronts the passive with a named agent", () => {
    const text = "Sponsored by Norway and the U.K., the accord banned trawling in the fjords.";
    const [c] = agents(text);
    expect(c.answer).toBe("Norway and the U.K.");
    expect(c.question).toBe("Who sponsored the accord?");
    const card = generate(text).cards.find((x) => x.type === "cloze" && x.answer === "Norway and the U.K.");
    expect(card?.prompt).toBe("Sponsored by ____, the accord banned trawling in the fjords.");
    expect(card?.accepted).toContain("Norway and the United Kingdom");
    expect(agents("Founded by Ana Sol in 1990, the institute trained many young fishers.").map((x) => x.answer)).toEqual(["Ana Sol"]);
  });

  it("asks nothing when the agent is not named, is not all of the phrase, or no clause follows", () => {
    expect(agents("Sponsored by several northern states, the accord banned trawling.")).toEqual([]);
    expect(agents("Sponsored by Norway after long talks with its fishers, the accord banned trawling.")).toEqual([]);
    expect(agents("Signed in Oslo, the accord banned trawling.")).toEqual([]);
    expect(agents("Sponsored by Norway, and never ratified.")).toEqual([]);
  });
});
