import { describe, expect, it } from "vitest";
import { resolveLabel, speakerAt, splitRoleName, titlePerson } from "./speakers";
import { clean, readHeader } from "./clean";
import { generate } from "./index";

describe("speakers", () => {
  const title = "Radio interview with Maria Castellano of Radio Sur (Foreign Minister Peter Lindqvist)";

  it("reads the person a title credits, with the role before the name", () => {
    expect(titlePerson(title)).toEqual({ role: "Foreign Minister", name: "Peter Lindqvist" });
    expect(titlePerson("Annual report on water quality (Ministry of Health)")).toBeNull();
    expect(splitRoleName("Senator Anne Dubois")).toEqual({ role: "Senator", name: "Anne Dubois" });
  });

  it("resolves a role label, its initials and a surname label from the title; never the asker", () => {
    expect(resolveLabel("FOREIGN MINISTER", title)).toBe("Peter Lindqvist");
    expect(resolveLabel("FM", title)).toBe("Peter Lindqvist");
    expect(resolveLabel("CASTELLANO", title)).toBe("Maria Castellano");
    expect(resolveLabel("JOURNALIST", title)).toBeNull();
    expect(resolveLabel("Q", title)).toBeNull();
    expect(resolveLabel("CHAIRMAN", title)).toBeNull();
    expect(resolveLabel("DIRECTOR-GENERAL", "Press conference with the WHO Director General (Premier Jo Smith)")).toBe("the WHO Director General");
  });

  it("gives a speech without labels to the title's person, and a labelled turn to its label", () => {
    expect(speakerAt([], title)(500)).toBe("Peter Lindqvist");
    const at = speakerAt([{ label: "Q", start: 0 }, { label: "FOREIGN MINISTER", start: 50 }], title);
    expect(at(10)).toBeNull();
    expect(at(60)).toBe("Peter Lindqvist");
  });

  it("names the speaker in a first-person card, and makes none when the speaker is unknown", () => {
    const text = `title: ${title}\npublished: 2021-05-04\n\nCASTELLANO: What did you decide?\n\nFOREIGN MINISTER: We signed the fisheries accord with Norway in 2019 after long talks.`;
    const cards = generate(text).cards.filter((c) => c.answer === "2019");
    expect(cards.length).toBeGreaterThan(0);
    expect(cards[0].prompt).toMatch(/^Peter Lindqvist said: "We signed the fisheries accord with Norway in ____/);
    expect(generate("We signed the fisheries accord with Norway in 2019 after long talks.").cards).toEqual([]);
  });
});

describe("header lines", () => {
  it("reads title and published from the lines above the first blank line and masks them", () => {
    const text = "source: somewhere/x.xml\ntitle: A Talk (Senator Anne Dubois)\npublished: 2015-06-17\n\nThe bridge opened in 2012.";
    expect(readHeader(text).meta).toEqual({ title: "A Talk (Senator Anne Dubois)", published: "2015-06-17" });
    const { masked } = clean(text);
    expect(masked).not.toMatch(/Senator|2015/);
    expect(masked).toHaveLength(text.length);
  });

  it("leaves a text without a header alone ('Note: …' in the body is not a header)", () => {
    expect(readHeader("The bridge opened in 2012.\n\nMore.").end).toBe(0);
    expect(readHeader("Note: the bridge opened in 2012.\n\nMore.").end).toBe(0);
  });
});
