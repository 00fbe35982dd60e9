import { describe, expect, it } from "vitest";
import { resolveLabel, speakerAt, splitRoleName, titlePerson } from "./speakers";
import { clean, readHeader } from "./clean";
import { generate } from "./index";

const title = "Radio interview with Maria Castellano of Radio Sur (Foreign Minister Peter Lindqvist)";

describe("speakers", () => {
  it("resolves a role label from the title: the name after the role, an acronym before it, never another word", () => {
    expect(resolveLabel("PRIME MINISTER", "Interview with Prime Minister Lena Moss, Radio North")).toBe("Lena Moss");
    expect(resolveLabel("SECRETARY-GENERAL", "Joint press conference with the OECD Secretary-General in Oslo")).toBe("the OECD Secretary-General");
    expect(resolveLabel("PRESIDENT", "Remarks with the President at the harbour opening")).toBe("the President");
  });

  it("reads a label with an honorific or a bracketed role as a name, and a later surname label as that name", () => {
    expect(resolveLabel("DR. TOMAS ORTEGA", "Morning programme transcript")).toBe("Tomas Ortega");
    expect(resolveLabel("PRIYA NAND (HOST)", "Morning programme transcript")).toBeNull(); // unknown first name, no honorific
    const labels = [
      { label: "DR. TOMAS ORTEGA", start: 10 },
      { label: "HOST", start: 100 },
      { label: "ORTEGA", start: 200 },
    ];
    const who = speakerAt(labels, "Morning programme transcript");
    expect(who(250)).toBe("Tomas Ortega");
    expect(who(150)).toBe("the host");
    // Two full names with one surname: the bare surname stays unknown.
    const two = speakerAt([{ label: "DR. ANA ORTEGA", start: 0 }, { label: "PROF. LUIS ORTEGA", start: 50 }, { label: "ORTEGA", start: 90 }], "Panel");
    expect(two(95)).toBeNull();
  });

  it("reads the person a title credits, with the role before the name", () => {
    expect(titlePerson(title)).toEqual({ role: "Foreign Minister", name: "Peter Lindqvist" });
    expect(titlePerson("Annual report on water quality (Ministry of Health)")).toBeNull();
    expect(splitRoleName("Senator Anne Dubois")).toEqual({ role: "Senator", name: "Anne Dubois" });
  });

  it("resolves a role label, its initials and a surname label from the title; never the asker", () => {
    expect(resolveLabel("FOREIGN MINISTER", title)).toBe("Peter Lindqvist");
    expect(resolveLabel("FM", title)).toBe("Peter Lindqvist");
    expect(resolveLabel("CASTELLANO", title)).toBe("Maria Castellano");
    expect(resolveLabel("JOURNALIST", title)).toBe("the journalist");
    expect(resolveLabel("Q", title)).toBe("the interviewer");
    expect(resolveLabel("AUDIENCE MEMBER", title)).toBeNull();
    expect(resolveLabel("CHAIRMAN", title)).toBeNull();
    expect(resolveLabel("DIRECTOR-GENERAL", "Press conference with the WHO Director General (Premier Jo Smith)")).toBe("the WHO Director General");
  });

  it("gives a speech without labels to the title's person, and a labelled turn to its label", () => {
    expect(speakerAt([], title)(500)).toBe("Peter Lindqvist");
    const at = speakerAt([{ label: "Q", start: 0 }, { label: "FOREIGN MINISTER", start: 50 }], title);
    expect(at(10)).toBe("the interviewer");
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

describe("an interviewer's statements", () => {
  it("become cards only as the interviewer's claim; their questions and 'you' sentences never", () => {
    const text = `title: ${title}\n\nJOURNALIST: The country is sending 300 engineers to the port. Will they stay long?\n\nFOREIGN MINISTER: The mission lasts until 2026.`;
    const prompts = generate(text).cards.map((c) => c.prompt);
    expect(prompts).toContain('The journalist said: "The country is sending ____ engineers to the port."');
    expect(prompts.some((p) => p.includes("Will they"))).toBe(false);
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

describe("the document's speaker as a card", () => {
  it("asks who gave a speech the title credits, and who speaks under a transcript's role label", () => {
    const speech = "title: Address at the opening of the Rhine bridge (Mayor Hannah Vogel)\npublished: 2017-05-02\n\nThe bridge cost 40 million euros and took three years to build.";
    const card = generate(speech).cards.find((c) => c.answer === "Hannah Vogel");
    expect(card?.prompt).toBe('"Address at the opening of the Rhine bridge" is by Mayor ____.');
    const interview = `title: ${title}\n\nCASTELLANO: What did you sign?\n\nFOREIGN MINISTER: Norway and Chile signed the fisheries accord in 2019.`;
    expect(generate(interview).cards.find((c) => c.answer === "Peter Lindqvist")?.prompt).toBe(
      'In "Radio interview with Maria Castellano of Radio Sur", the speaker labelled FOREIGN MINISTER is Foreign Minister ____.',
    );
  });

  it("makes no such card when the title already names the person or names nobody", () => {
    const named = "title: Hannah Vogel on the Rhine bridge (Mayor Hannah Vogel)\n\nThe bridge cost 40 million euros and took three years to build.";
    expect(generate(named).cards.some((c) => c.answer === "Hannah Vogel" && c.prompt.startsWith('"'))).toBe(false);
    const none = "title: Annual report (Ministry of Works)\n\nThe bridge cost 40 million euros and took three years to build.";
    expect(generate(none).cards.every((c) => !c.prompt.includes("is by"))).toBe(true);
  });
});

describe("a speaker's characterisation", () => {
  it("is asked as the speaker's words, never as a bare fact or a 'What is …?' question", () => {
    const text = `title: ${title}\n\nJOURNALIST: What is the government's aim?\n\nFOREIGN MINISTER: Norway's main aim in the Arctic now is stable fishing quotas for the coast.`;
    const cards = generate(text).cards.filter((c) => c.answer.includes("fishing quotas"));
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) {
      expect(c.prompt).toMatch(/^(Peter Lindqvist said: "|According to Peter Lindqvist, )/);
      expect(c.prompt.startsWith("What is")).toBe(false);
    }
  });

  it("is not what an acronym stands for: that keeps its question in a speaker's turn", () => {
    const text = `title: ${title}\n\nJOURNALIST: Who decides?\n\nFOREIGN MINISTER: Quotas are now set by the NFC, the Nordic Fisheries Council, every spring.`;
    const prompts = generate(text).cards.filter((c) => c.answer === "Nordic Fisheries Council").map((c) => c.prompt);
    expect(prompts).toContain("What does NFC stand for?");
    // An opinion still never becomes a bare question.
    const opinion = `title: ${title}\n\nJOURNALIST: What is the aim?\n\nFOREIGN MINISTER: Norway's main aim in the Arctic now is stable fishing quotas for the coast.`;
    expect(generate(opinion).cards.some((c) => c.type === "question")).toBe(false);
  });

  it("without a speaker (an article) stays a plain definition", () => {
    const card = generate("The main aim of the northern policy is stable fishing quotas for the coast.").cards.find((c) => c.answer.includes("fishing quotas"));
    expect(card?.prompt).toBe("The main aim of the northern policy is ____.");
  });
});
