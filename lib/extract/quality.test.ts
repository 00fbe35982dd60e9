// Quality filters: a card that cannot be made unambiguous or grammatical is not made.
import { describe, expect, it } from "vitest";
import { generate } from "./index";
import { farApart, givesAway, isApproximate, isCutSentence } from "./cards";

const cardsOf = (text: string) => generate(text).cards;

describe("quality filters", () => {
  it("never swaps a count above one for 'one' before a plural noun", () => {
    const c = cardsOf("Lena Brooks: We are two small island nations and we trade a great deal.").concat(cardsOf("The two small island nations signed three accords in 1999."));
    for (const x of c) expect(x.falseStatement ?? "").not.toMatch(/\bone (small |island )*(nations|accords)\b/);
    expect(cardsOf("The firms opened three new plants in the valley in 2004.").find((x) => x.answer === "three")?.distractors).not.toContain("one");
  });

  it("ends a defining phrase at 'but', so the answer is one phrase", () => {
    const c = cardsOf("The league's main purpose as a sports body is the promotion of amateur football but a league which also runs schools is rare.");
    expect(c.map((x) => x.answer)).not.toContain("the promotion of amateur football but a league");
  });

  it("makes no cloze that leaves fewer than four words around the blank", () => {
    expect(cardsOf("Norway is a highly valued partner of the alliance.").map((x) => x.prompt)).not.toContain("Norway is ____.");
  });

  it("makes no fact when a fronted phrase without its comma hides a pronoun subject", () => {
    expect(cardsOf("By the end of 2014 they will have full responsibility for the region.")).toEqual([]);
    expect(cardsOf("By the end of 2014 the army will have full responsibility for the region.").map((x) => x.answer)).toContain("2014");
  });
});

describe("overlapping answers and lists", () => {
  it("asks a period once, not its first year and its last two digits besides", () => {
    const answers = generate("The fund covers the same period as the 2014-20 budget plan of the union.").cards.map((c) => c.answer);
    expect(answers).toContain("2014-20");
    expect(answers).not.toContain("2014");
    expect(answers).not.toContain("20");
  });

  it("makes no cloze for one country out of a list of many", () => {
    const cards = generate("By then Austria, Chile, Denmark, Egypt, Finland and Ghana had ratified the fisheries pact.").cards;
    expect(cards.filter((c) => ["Denmark", "Egypt"].includes(c.answer))).toEqual([]);
  });
});

describe("more ambiguity filters", () => {
  it("never offers two forms of one person's name as options", () => {
    const text =
      "Minister Ada Lund thanked Minister Per Holm in 2019. Former minister Karl Berg praised Minister Eva Dahl. Minister Berg spoke. Minister Ada Lund signed the accord in 2020.";
    const c = generate(text).cards.find((x) => x.answer === "Ada Lund" && x.distractors.length);
    if (c) expect(c.distractors.filter((d) => /Berg$/.test(d)).length).toBeLessThanOrEqual(1);
  });

  it("does not read 'Today, X is …' (nowadays) as the publication date, nor 'These are …' as a named subject", () => {
    const P = "2019-03-14";
    expect(generate("Today, the port is by far the largest employer in the valley.", { publishedAt: P }).cards.filter((c) => c.kind === "date")).toEqual([]);
    expect(generate("Today, the two mayors signed the river compact in Lyon.", { publishedAt: P }).cards.filter((c) => c.kind === "date").length).toBeGreaterThan(0);
    expect(generate("These are two huge economies with 40 million workers between them.").cards).toEqual([]);
  });
});

describe("resolving He/She and a paragraph's 'It'", () => {
  it("spells out 'He' when the sentence before names exactly one person in full", () => {
    const text = "Our founder, Marta Lindqvist, retired last spring after a long career.\n\nShe opened the first clinic in 1987 in the old harbour.";
    const c = generate(text).cards.find((x) => x.answer === "1987");
    expect(c?.prompt).toBe("Marta Lindqvist opened the first clinic in ____ in the old harbour.");
    const two = "Marta Lindqvist met Paul Ngata in the spring.\n\nShe opened the first clinic in 1987 in the old harbour.";
    expect(generate(two).cards.filter((x) => x.answer === "1987")).toEqual([]);
  });

  it("gives a paragraph-opening 'It' the article's topic when nothing nearer resolves it", () => {
    const text = "The Harbour Accord is a 1961 treaty between two coastal towns.\n\nIt was signed by both mayors on 4 May 1961 in the town hall.";
    expect(generate(text).cards.find((x) => x.answer === "4 May 1961")?.prompt).toBe("The Harbour Accord was signed by both mayors on ____ in the town hall.");
  });

  it("reads a country before a title and a lower-case title before a name", async () => {
    const { analyzeDocument } = await import("./index");
    const { doc } = analyzeDocument("The plan is named after its authors, United Kingdom Home Secretary Anna Reid and Danish foreign minister Lars Holm.");
    expect(doc.entities.bySentence[0].filter((m) => m.type === "person").map((m) => m.text)).toEqual(["Anna Reid", "Lars Holm"]);
  });
});

describe("a run of 'It' sentences", () => {
  it("keeps one referent across consecutive 'It' sentences", () => {
    const text = "This accord will open both markets.\n\nIt removes duties on wool and timber.\n\nIt means duty free entry for 95 per cent of farm exports within three years.";
    expect(generate(text).cards.find((x) => x.answer === "95 per cent")?.prompt).toBe("The accord means duty free entry for ____ of farm exports within three years.");
  });
});

describe("precision rules from a blind reading of the cards", () => {
  it("an approximate figure gets no near distractors and no false statement built on one (a near number may be what the text means)", () => {
    for (const text of [
      "The Danube carries around 12 times more water than the Thames, the survey found in 2011.",
      "The coastal towns welcomed 17 or so fishing boats at the harbour festival in 2016.",
    ]) {
      const approx = generate(text).cards.filter((c) => c.answer === "12" || c.answer === "12 times" || c.answer === "17");
      for (const c of approx) {
        expect(c.distractors, text).toEqual([]);
        expect(c.falseStatement, text).toBeNull();
      }
    }
    // An exact figure still gets them.
    const exact = generate("The coastal towns welcomed 17 fishing boats at the harbour festival in 2016.").cards.find((c) => c.answer === "17");
    if (exact) expect(exact.distractors.length).toBeGreaterThan(0);
  });

  it("isApproximate reads 'around', 'some', 'or so' and dates counted back ('a decade ago')", () => {
    const t = "It grew around 40 per cent, some 300 firms, 20 or so towns.";
    expect(isApproximate(t, t.indexOf("40"), t.indexOf("40") + 2)).toBe(true);
    expect(isApproximate(t, t.indexOf("300"), t.indexOf("300") + 3)).toBe(true);
    expect(isApproximate(t, t.indexOf("20"), t.indexOf("20") + 2)).toBe(true);
    expect(isApproximate("It grew 40 per cent.", 7, 9)).toBe(false);
    expect(isApproximate("x", 0, 1, "a decade ago")).toBe(true);
    expect(isApproximate("x", 0, 1, "last year")).toBe(false);
    expect(farApart("12 times", "11 times")).toBe(false);
    expect(farApart("80%", "70%")).toBe(true);
    expect(farApart("2005", "2004")).toBe(false);
    expect(farApart("Paris", "Rome")).toBe(true);
  });

  it("a sentence ending on a colon or leaving a quote open gives no card", () => {
    expect(isCutSentence("Two historians wrote in 2017:")).toBe(true);
    expect(isCutSentence('The minister said, "It is very simple.')).toBe(true);
    expect(isCutSentence('The minister said in 2017, "It is very simple."')).toBe(false);
    expect(generate("Two historians of the treaty, Ada Lind and Karl Berg, wrote in 2017:\n\nThe pact failed.").cards.filter((c) => c.answer === "2017")).toEqual([]);
  });

  it("a prompt that writes the answer's words elsewhere, or lists the counted items, gives the answer away", () => {
    expect(givesAway("Norway seeks a seat on the ____; Norway wants a seat on the Security Council of the United Nations.", "United Nations Security Council")).toBe(true);
    expect(givesAway("Norway seeks a seat on the ____.", "United Nations Security Council")).toBe(false);
    expect(givesAway("____ more states joined later (Chile, Peru, Ghana and Laos).", "Four", 4)).toBe(true);
    expect(givesAway("____ more states joined later (Chile, Peru and Laos).", "Four", 4)).toBe(false);
  });

  it("a date written without a year accepts no answer with a year added (the year would be a guess)", () => {
    const cards = generate("published: 2018-11-14\n\nThe two treasuries will settle the accounts with a reference date of 30 June or a reference date of 31 October.").cards;
    const dates = cards.filter((x) => /June|October/.test(x.answer));
    expect(dates.length).toBeGreaterThan(0);
    for (const c of dates) for (const a of c.accepted) expect(a).not.toMatch(/\b\d{4}\b/);
  });
});

describe("spans up to now are bounds", () => {
  it("gives 'in the last 24 hours' and 'over the past ten years' no distractors or false statement", () => {
    for (const text of ["In the last 24 hours the fishing fleet caught a great deal of cod near the islands.", "Over the past ten years, the northern ports have been rebuilt with stone from the valley."]) {
      const c = generate(text).cards.find((x) => x.kind === "number");
      expect(c).toBeDefined();
      expect(c?.distractors).toEqual([]);
      expect(c?.falseStatement).toBeNull();
    }
    // A plain duration keeps them (negative case).
    expect(generate("The fishing fleet stayed at sea for 24 hours near the islands.").cards.find((x) => x.kind === "number")?.distractors.length).toBe(3);
  });
});

describe("a sentence that lost its verb", () => {
  it("makes no card from 'will' followed by a determiner, but does from 'will pay' (negative case)", () => {
    expect(isCutSentence("The town will its share of the costs as at the end of 2020.")).toBe(true);
    expect(isCutSentence("The town will pay its share of the costs as at the end of 2020.")).toBe(false);
  });
});
