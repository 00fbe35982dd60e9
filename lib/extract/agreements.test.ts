import { describe, expect, it } from "vitest";
import { analyzeDocument } from "./index";

function agreements(text: string) {
  return analyzeDocument(text).candidates.filter((c) => c.kind === "agreement");
}

describe("agreements", () => {
  it("extracts who signed, when, and what the agreement allows", () => {
    const got = agreements("In 2019, Russia and Venezuela signed an agreement that allows Russian submarines to use Venezuelan ports.");
    const a = got.find((c) => c.fields.allows)!;
    expect(a.answer).toBe("Russian submarines to use Venezuelan ports");
    expect(a.fields).toMatchObject({ parties: ["Russia", "Venezuela"], date: "2019", relation: "signed" });
    expect(a.question).toBe("What does the agreement that Russia and Venezuela signed in 2019 allow?");
    // The second party gets a card of its own.
    expect(got.find((c) => !c.fields.allows)?.answer).toBe("Venezuela");
  });

  it("resolves 'a similar agreement was signed with X' against the agreement before it", () => {
    const got = agreements(
      "In 2019, Russia and Venezuela signed an agreement that allows Russian submarines to use Venezuelan ports. And before that, a similar agreement was signed with Nicaragua.",
    );
    const nic = got.find((c) => c.answer === "Nicaragua");
    expect(nic?.fields).toMatchObject({ parties: ["Russia", "Nicaragua"] });
    expect(nic?.context?.[0].text).toBe("the 2019 agreement between Russia and Venezuela");
  });

  it("does not invent parties for a similar agreement with nothing before it", () => {
    expect(agreements("A similar agreement was signed with Nicaragua last year.")).toEqual([]);
  });

  it("reads partnerships set up with a list of countries", () => {
    const [a] = agreements("For several years, Moscow has been setting up strategic partnerships, most of them in countries such as Venezuela, Nicaragua, Argentina or Bolivia.");
    expect(a.answer).toBe("Venezuela, Nicaragua, Argentina or Bolivia");
    expect(a.fields.parties).toEqual(["Russia", "Venezuela", "Nicaragua", "Argentina", "Bolivia"]);
  });

  it("reads 'X and Y are partners of Z'", () => {
    const [a] = agreements("Two countries with strong armies, Colombia and Brazil, are already non-regional partners of NATO.");
    expect(a.answer).toBe("Colombia and Brazil");
    expect(a.fields).toMatchObject({ relation: "partners", with: "NATO" });
  });

  it("reads what an agreement does when it is the subject, and a modal in its clause", () => {
    const got = agreements(
      "Chile and Vietnam signed an upgraded trade agreement on Monday, November 18, that will remove tariffs on most goods. The agreement also allows Chilean companies to own stakes in power projects.",
    );
    expect(got.find((c) => c.fields.allows === "tariffs on most goods")?.question).toBe(
      "What will the agreement that Chile and Vietnam signed on November 18 remove?",
    );
    expect(got.find((c) => c.fields.relation === "terms")?.answer).toBe("Chilean companies to own stakes in power projects");
  });

  it("does not read 'are not partners' as a partnership", () => {
    expect(agreements("Colombia and Brazil are not partners of NATO.")).toEqual([]);
  });

  it("skips a date and a complement between the agreement and what it allows", () => {
    const a = agreements("Chile and China signed a memorandum of understanding on Tuesday, March 14, that allows Chinese firms to build two plants.").find(
      (c) => c.fields.allows,
    )!;
    expect(a.answer).toBe("Chinese firms to build two plants");
    expect(a.question).toBe("What does the memorandum that Chile and China signed on March 14 allow?");
  });
});
