import { describe, expect, it } from "vitest";
import { analyzeDocument, generate } from "./index";
import { titleAgreementNames } from "./agreement-names";

const names = (text: string, title?: string) =>
  analyzeDocument(text, { title }).candidates.filter((c) => c.kind === "agreement" && c.fields.name && !c.fields.parties).map((c) => c.answer);

describe("agreement names", () => {
  it("asks for a named agreement that is the subject of its sentence", () => {
    const text = "The Orva–Lund Accord (or Accord of Velm) is a fishing agreement in which both states promised to share quotas.";
    expect(names(text)).toContain("Orva–Lund Accord");
    const card = generate(text).cards.find((c) => c.answer === "Orva–Lund Accord");
    expect(card?.prompt).toMatch(/^The ____ .*is a fishing agreement/);
    // The other name the text gives fits the blank too.
    expect(card?.accepted).toContain("Accord of Velm");
    expect(names("The Treaty of Velm was signed by both kings in the spring.")).toContain("Treaty of Velm");
  });

  it("asks for the name in the next sentence when the first one ends on a colon", () => {
    const cards = generate("The Orva–Lund Accord also covers two other fleets:\n\nThe Orva–Lund Accord sets a yearly quota for each fleet in the fjords.").cards;
    expect(cards.filter((c) => c.answer === "Orva–Lund Accord").map((c) => c.prompt)).toEqual(["The ____ sets a yearly quota for each fleet in the fjords."]);
  });

  it("asks for a name in apposition to an agreement noun", () => {
    expect(names("A year later, a second treaty, Northern Waters Convention, was concluded in Tromsø, which set up a joint board.")).toContain("Northern Waters Convention");
  });

  it("asks for the document a clause signs, with its complement", () => {
    const text = "title: Press conference (Premier Ana Duarte)\n\nTomorrow the envoy and the premier will travel. On Monday the envoy signed a joint statement on fishing rights between Orva and Lund.";
    expect(names(text)).toContain("joint statement on fishing rights between Orva and Lund");
  });

  it("reads the agreements a title names, cut after the head", () => {
    expect(titleAgreementNames("Remarks at the Orva–Lund Fisheries Accord Signing Ceremony, Velm (Premier Ana Duarte)")).toEqual(["Orva–Lund Fisheries Accord"]);
    expect(titleAgreementNames("Interview with Radio Nord (Premier Ana Duarte)")).toEqual([]);
  });

  it("asks for the title's agreement where the body says 'this agreement', quoting the speaker whole", () => {
    const text = "title: Remarks at the Orva–Lund Fisheries Accord Signing Ceremony, Velm (Premier Ana Duarte)\n\nToday is a good day. This agreement will give our fleets fair quotas for ten years.";
    const card = generate(text).cards.find((c) => c.answer === "Orva–Lund Fisheries Accord");
    expect(card?.prompt).toBe('Ana Duarte said of the ____: "This agreement will give our fleets fair quotas for ten years."');
  });

  it("does not ask for a bare document noun, a lower-case subject, a name without a head or one in mid-sentence", () => {
    expect(names("The ministers signed an agreement.")).toEqual([]);
    expect(names("The agreement was signed in Velm.")).toEqual([]);
    expect(names("The Orva Fisheries Board met in Velm.")).toEqual([]);
    // Not the subject: the name is only mentioned.
    expect(names("Fishers complained about the Orva–Lund Accord for years.")).toEqual([]);
    // Two agreements of that kind in the title: "this accord" stays unresolved.
    const two = "title: Remarks on the Orva Accord and the Lund Accord (Premier Ana Duarte)\n\nThis accord will give our fleets fair quotas for ten years.";
    expect(generate(two).cards.some((c) => /Accord$/.test(c.answer))).toBe(false);
  });
});
