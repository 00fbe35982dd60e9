import { describe, expect, it } from "vitest";
import { analyzeDocument } from "./index";

const official = (text: string) => analyzeDocument(text).candidates.filter((c) => c.fields.relation === "official name");

describe("other names of a named thing", () => {
  it("asks for an official name written beside the common one", () => {
    const [c] = official("The Orva Accord (or Accord of Velm, officially Convention on Shared Northern Fisheries) is a treaty between two states.");
    expect(c.answer).toBe("Convention on Shared Northern Fisheries");
    expect(c.question).toBe("What is the official name of the Orva Accord?");
    const [d] = official("Funds go to the Nordic Board, officially the Nordic Council for Fisheries Research, every spring.");
    expect(d.answer).toBe("Nordic Council for Fisheries Research");
  });

  it("makes no card for an alternative name alone, a lower-case description or a name that does not end the aside", () => {
    expect(official("The Orva Accord (or Accord of Velm) is a treaty between two states.")).toEqual([]);
    expect(official("The Orva Accord, officially a treaty of friendship, was signed in Velm.")).toEqual([]);
    expect(official("The Orva Accord, officially Convention on Fisheries signed in Velm, lapsed.")).toEqual([]);
  });
});
