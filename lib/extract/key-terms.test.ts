// Key terms (key-terms.ts), on sentences written for these tests.
import { describe, expect, it } from "vitest";
import { analyzeDocument, generate } from "./index";
import { extractKeyTerms, termEnd, verbListAt } from "./key-terms";

const terms = (text: string) => extractKeyTerms(analyzeDocument(text).doc).map((c) => ({ answer: c.answer, statement: c.statement }));

describe("extractKeyTerms", () => {
  it("takes the term a concept noun announces", () => {
    expect(terms("The court later relied on the concept of a duty of care owed by builders to buyers.").map((t) => t.answer)).toEqual(["duty of care"]);
    expect(terms("The river authority applied the principle of polluter liability to every mill on the Varna.").map((t) => t.answer)).toEqual(["polluter liability"]);
  });

  it("takes a right with its complement", () => {
    expect(terms("The charter gave each town the right to elect magistrates without royal approval.").map((t) => t.answer)).toEqual(["right to elect magistrates"]);
    expect(terms("The settlers in Orvalo kept the right of free passage over the northern pass.").map((t) => t.answer)).toEqual(["right of free passage"]);
  });

  it("takes the verbs a mission's purpose lists", () => {
    expect(terms("After the floods the brigade began a new mission to rebuild, supply and protect the valley towns.").map((t) => t.answer)).toEqual(["rebuild, supply and protect"]);
    expect(terms("The envoys were given a mandate to mediate or arbitrate between the two ports.").map((t) => t.answer)).toEqual(["mediate or arbitrate"]);
  });

  it("does not take a single verb or a list that is not a mission's purpose", () => {
    expect(terms("The brigade began a new mission to rebuild the valley towns.")).toEqual([]);
    expect(terms("The villagers wanted to rebuild, plant and harvest before winter.")).toEqual([]);
  });

  it("takes the common noun phrase a naming verb names", () => {
    expect(terms("Over the decade the island can be called a laboratory of tidal energy for the region.").map((t) => t.answer)).toEqual(["laboratory of tidal energy"]);
    expect(terms("The harbour towns saw what historians call chain migration along the coast.").map((t) => t.answer)).toEqual(["chain migration"]);
    expect(terms("The shallow lagoon is known as a nursery for young cod in the spring.").map((t) => t.answer)).toEqual(["nursery for young cod"]);
  });

  it("leaves a name after a naming verb, and an active 'called', to other rules", () => {
    expect(terms("The new field off the coast is called the Varna Deep development.")).toEqual([]);
    expect(terms("The minister called the envoys back to the capital in June.")).toEqual([]);
  });

  it("takes what access won or granted is to", () => {
    expect(terms("Under the accord, Danish trawlers gained seasonal access to Norway's northern fishing grounds.").map((t) => t.answer)).toEqual(["Norway's northern fishing grounds"]);
  });

  it("does not take access without a verb of obtaining, or a judgement on it", () => {
    expect(terms("The ramp blocks access to the old pier on the east side.")).toEqual([]);
    expect(terms("Danish trawlers gained better access to the northern fishing grounds.")).toEqual([]);
  });

  it("shows the sentence a leading demonstrative stands for", () => {
    const text = "The council has agreed new rules for the harbour fund.\nThis includes the right to audit contractors paid from the fund.";
    expect(terms(text)).toEqual([{ answer: "right to audit contractors", statement: "The council has agreed new rules for the harbour fund. This includes the right to audit contractors paid from the fund." }]);
  });

  it("gives the card a cloze of the term", () => {
    const { cards } = generate("The court later relied on the concept of a duty of care owed by builders to buyers.");
    expect(cards.some((c) => c.prompt === "The court later relied on the concept of a ____ owed by builders to buyers.")).toBe(true);
  });

  it("does not fire on a right that is no term, a short word or a judgement", () => {
    expect(terms("She took the right turn at the bridge and reached Orvalo by noon.")).toEqual([]);
    expect(terms("He was right to doubt the count of the ballots in Orvalo.")).toEqual([]);
    expect(terms("The treaty rejected the concept of war between the two kingdoms.")).toEqual([]);
    expect(terms("The minister praised the concept of a good neighbour in her speech.")).toEqual([]);
    // A leading "This" with nothing before it in its paragraph stands for nothing the card can show.
    expect(terms("This includes the right to audit contractors paid from the fund.")).toEqual([]);
  });
});

describe("termEnd", () => {
  it("ends the term on its last noun, across one inner preposition and a hyphen", () => {
    const { doc } = analyzeDocument("They invoked the right of self-defense and left.");
    const toks = doc.sentences[0].tokens;
    const a = toks.findIndex((t) => t.lower === "self");
    expect(toks[termEnd(toks, a) - 1].lower).toBe("defense");
  });
});

describe("verbListAt", () => {
  it("reads two or more base verbs joined by commas and a last 'and'", () => {
    const toks = analyzeDocument("They came to train, assist and advise the cadets.").doc.sentences[0].tokens;
    const a = toks.findIndex((t) => t.lower === "train");
    expect(verbListAt(toks, a)).toEqual([a, a + 5]);
    expect(verbListAt(toks, a + 2)).toEqual([a + 2, a + 5]);
    expect(verbListAt(toks, a - 1)).toBeNull();
  });
});
