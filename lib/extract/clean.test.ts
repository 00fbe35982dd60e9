import { describe, expect, it } from "vitest";
import { clean } from "./clean";

describe("clean", () => {
  it("keeps the text length so offsets stay valid", () => {
    const text = "Title line\n\nRFI: Why now? [editor's note]\n\nIt rained in 2019.";
    expect(clean(text).masked).toHaveLength(text.length);
  });

  it("masks title and heading lines without final punctuation", () => {
    const text = "The Big Story: \u201cA Headline\u201d\n\nThe first sentence ends here.\n\n## A section\n\nMore text.";
    const { masked } = clean(text);
    expect(masked).not.toContain("Headline");
    expect(masked).not.toContain("section");
    expect(masked).toContain("The first sentence ends here.");
  });

  it("keeps a long line without final punctuation: it is a paragraph, not a heading", () => {
    const long = "This paragraph has no full stop but it runs on for well over twenty words so it cannot be a heading of any kind at all";
    expect(clean(long).masked).toContain("runs on");
  });

  it("removes speaker labels and records the speaker", () => {
    const { masked, speakers } = clean("RFI: What is at stake?\n\nAndrei Pyatakov : For me, the talks matter.");
    expect(masked).not.toMatch(/RFI|Pyatakov/);
    expect(masked).toContain("For me, the talks matter.");
    expect(speakers.map((s) => s.label)).toEqual(["RFI", "Andrei Pyatakov"]);
  });

  it("removes editor's notes in brackets and parentheses", () => {
    const { masked } = clean("It is called Pax Americana [la paix sous domination am\u00e9ricaine, ndlr] today (editor's note: sic).");
    expect(masked).not.toContain("ndlr");
    expect(masked).not.toContain("sic");
    expect(masked).toContain("Pax Americana");
  });

  it("keeps parentheses that are not editor's notes (acronyms)", () => {
    expect(clean("The World Trade Organization (WTO) met.").masked).toContain("(WTO)");
  });

  it("removes footer lines such as copyright and stray codes", () => {
    const { masked } = clean("Body sentence here.\n\n\u00a9 2022 Some Media\n\nrf-5-general----");
    expect(masked).not.toContain("Some Media");
    expect(masked).not.toContain("rf-5");
  });

  it("normalises curly quotes and apostrophes one for one", () => {
    const { masked } = clean("Russia\u2019s \u201cplan\u201d is clear.");
    expect(masked).toBe("Russia's \"plan\" is clear.");
  });

  it("removes a wire dateline but keeps the sentence after it", () => {
    const { masked } = clean("OSLO, 3 May 2024 \u2014 The utility signed a contract.\n\nLIMA (Agency) - Peru voted.\n\nFRANCE, SPAIN and ITALY met - They agreed.");
    expect(masked).not.toMatch(/OSLO|3 May 2024|LIMA|Agency/);
    expect(masked).toContain("The utility signed a contract.");
    // Capitals without a date or a source are a sentence, not a dateline.
    expect(masked).toContain("FRANCE, SPAIN and ITALY met");
  });
});

describe("list markers", () => {
  it("masks a list marker at the start of a line and keeps the item as a sentence", () => {
    const text = "The plan has two parts:\n\na. The city will build a tram line by 2030.\n\n(b) The region will fund 40 new buses.\n\n- The port opens in May.";
    const { masked } = clean(text);
    expect(masked).toContain("   The city will build a tram line by 2030.");
    expect(masked).not.toMatch(/\(b\)|^- /m);
    expect(masked).toHaveLength(text.length);
  });

  it("leaves a dash or a letter inside a line alone", () => {
    const text = "The tram - the first in the region - opens in May, says plan a. The port closes.";
    expect(clean(text).masked).toBe(text);
  });
});

describe("dateline date", () => {
  it("dates the text from its dateline when no published date is given", () => {
    expect(clean("OSLO, 4 May 2023 — The port reopened today after repairs.").meta.published).toBe("2023-05-04");
    expect(clean("TUNIS, March 9, 2021 — The port reopened today after repairs.").meta.published).toBe("2021-03-09");
    expect(clean("title: T\npublished: 2020-01-02\n\nOSLO, 4 May 2023 — The port reopened.").meta.published).toBe("2020-01-02");
    expect(clean("HANOI, Nov 19 (Wire) - The port reopened.").meta.published).toBeUndefined();
  });
});

describe("the day a transcript was spoken", () => {
  it("reads it from a note at the top, and dates 'this morning' by it rather than by publication", async () => {
    const { generate } = await import("./index");
    const text = "Harbour Hour — Transcript\n\n[Note: This programme was recorded on Tuesday, 4 March 2025 and published later.]\n\nHOST: This morning the port authority opened the new ferry terminal in Skagen.\n";
    expect(clean(text).meta.spokenOn).toBe("2025-03-04");
    const card = generate(text, { publishedAt: "2025-03-09" }).cards.find((c) => c.type === "cloze" && /ferry terminal/.test(c.prompt) && /2025/.test(c.answer));
    expect(card?.answer).toBe("March 4, 2025");
    // Without such a note, publication dates it.
    expect(clean("HOST: This morning the port authority opened the terminal.\n").meta.spokenOn).toBeUndefined();
  });
});
