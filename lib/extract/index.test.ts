import { describe, expect, it } from "vitest";
import { generate } from "./index";

// Two short texts written for these tests (news and interview), not taken from any fixture.
const NEWS = `EU and Mercosur sign trade deal

The European Union and Mercosur signed a trade agreement in June 2019 that removes tariffs on 90% of goods. The deal took twenty years to negotiate.

Argentine President Mauricio Macri said the accord was historic.

Is the agreement good for farmers? I think it will hurt them.

In 2020, the French parliament rejected the treaty. The World Trade Organization (WTO) welcomed the deal.

\u00a9 2019 Example News`;

const INTERVIEW = `Interviewer: What is the state of the oil industry in Nigeria?

Amina Yusuf: Nigeria produces about 1.8 million barrels of oil per day. I recall that in 2016, militants attacked pipelines in the delta and production fell by 30%.

Interviewer: Will prices fall?

Amina Yusuf: I don't believe prices will fall. The Dangote refinery, which cost $19 billion, opened on May 22, 2023. It is the third largest refinery in the world.`;

describe("generate", () => {
  it("is deterministic: same text, same facts and cards in the same order", () => {
    const a = generate(NEWS, { publishedAt: "2019-07-01" });
    const b = generate(NEWS, { publishedAt: "2019-07-01" });
    expect(b).toEqual(a);
    expect(a.cards.length).toBeGreaterThan(0);
  });

  it("never throws and returns nothing for empty or junk input", () => {
    const junk = [
      "",
      "   \n\n ",
      "\u0000\u0001\u0002\ufffd".repeat(500),
      Array.from({ length: 3000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(""),
      "????!!!!....,,,,;;;;",
      "a".repeat(100_000),
    ];
    for (const j of junk) {
      expect(() => generate(j)).not.toThrow();
      expect(generate(j).cards.length).toBeLessThanOrEqual(1);
    }
    expect(generate(undefined as unknown as string)).toEqual({ facts: [], cards: [] });
  });

  it("gives facts whose offsets point at their source sentence in the input", () => {
    const g = generate(NEWS);
    for (const f of g.facts) {
      const original = NEWS.slice(f.start, f.end);
      expect(original).toContain(f.answer.split(" ")[0]);
    }
  });

  it("reads a news text: agreement, date, number, person, acronym; no card from the question, opinion, title or footer", () => {
    const g = generate(NEWS);
    const answers = g.facts.map((f) => `${f.kind}:${f.answer}`);
    expect(answers).toEqual(
      expect.arrayContaining([
        "date:June 2019",
        "agreement:tariffs on 90% of goods",
        "number:90%",
        "number:twenty years",
        "actor:Mauricio Macri",
        "date:2020",
        "definition:World Trade Organization",
      ]),
    );
    for (const c of g.cards) expect(c.source).not.toMatch(/farmers|hurt them|Example News|sign trade deal/);
    const q = g.cards.find((c) => c.type === "question" && c.kind === "agreement");
    expect(q?.prompt).toBe("What does the agreement that the European Union and Mercosur signed in June 2019 remove?");
  });

  it("reads an interview: speaker labels, questions and opinions removed, factive lead-in stripped", () => {
    const g = generate(INTERVIEW, { publishedAt: "2023-06-01" });
    const answers = g.facts.map((f) => f.answer);
    expect(answers).toEqual(["1.8 million barrels", "2016", "30%", "$19 billion", "May 22, 2023", "third"]);
    expect(g.facts.find((f) => f.answer === "2016")?.sentence).toBe(
      "In 2016, militants attacked pipelines in the delta and production fell by 30%.",
    );
    expect(g.cards.find((c) => c.answer === "third")?.prompt).toBe("The Dangote refinery is the ____ largest refinery in the world.");
    // "I recall that …" without its frame is reported as the speaker's; labels and opinions never leak.
    expect(g.cards.find((c) => c.answer === "2016" && c.type === "cloze")?.prompt).toMatch(/^According to Amina Yusuf, in ____, militants/);
    for (const c of g.cards) expect(c.prompt.replace(/^According to Amina Yusuf, /, "")).not.toMatch(/Interviewer|Amina Yusuf|believe/);
  });

  it("keys facts and cards by content", () => {
    const g = generate(NEWS);
    expect(new Set(g.facts.map((f) => f.key)).size).toBe(g.facts.length);
    expect(new Set(g.cards.map((c) => c.key)).size).toBe(g.cards.length);
    expect(g.cards.every((c) => g.facts.some((f) => f.key === c.factKey))).toBe(true);
  });
});
