import { describe, expect, it } from "vitest";
import { malformedReasons } from "./malformed";
import type { QuizItem } from "./views";

const item = (prompt: string, type: QuizItem["type"] = "cloze", answer = "x"): QuizItem => ({ type, kind: "number", prompt, answer, source: "", key: "k", factKey: "f" });

describe("malformed cards", () => {
  it("flags a pronoun or first-person subject, but not a quoted speaker's words", () => {
    expect(malformedReasons(item("He addressed the assembly in ____."))).toContain("pronoun-subject");
    expect(malformedReasons(item("We opened ____ clinics."))).toContain("first-person");
    expect(malformedReasons(item('Lena Brooks said: "We opened ____ clinics."'))).toEqual([]);
    expect(malformedReasons(item("When these talks began, ____ led them."))).toEqual([]);
    // A demonstrative time adverbial is not a subject; a demonstrative before another noun is.
    expect(malformedReasons(item("That evening ____ left the harbour for the capital."))).toEqual([]);
    expect(malformedReasons(item("That committee met in ____."))).toContain("pronoun-subject");
    // An expletive "It was agreed that" before a named subject is not a pronoun subject; before a pronoun it is.
    expect(malformedReasons(item("It was agreed that the bridge would open in ____."))).toEqual([]);
    expect(malformedReasons(item("It was agreed that it would open in ____."))).toContain("pronoun-subject");
    expect(malformedReasons(item("It opened in ____."))).toContain("pronoun-subject");
  });

  it("flags labels, stage notes, bullets, doubled words and the answer left in the prompt", () => {
    expect(malformedReasons(item("Q: The port opened in ____."))).toContain("speaker-label");
    expect(malformedReasons(item("The port (inaudible) opened in ____."))).toContain("stage-note");
    expect(malformedReasons(item('Ada Lind said: "[senior port official] The port opened in ____."'))).toContain("stage-note");
    // An editor's insertion in a quotation is not a stage note.
    expect(malformedReasons(item('Ada Lind said: "[On ____] we opened the port."'))).toEqual([]);
    expect(malformedReasons(item('Ada Lind said: "[The agreement] opens the port in ____."'))).toEqual([]);
    expect(malformedReasons(item("- The port opened in ____."))).toContain("markdown");
    expect(malformedReasons(item("The port opened in ____."))).toEqual([]);
    expect(malformedReasons(item("The the port opened in ____."))).toContain("doubled-word");
    expect(malformedReasons(item("Oslo hosts ____, the Oslo fair.", "cloze", "Oslo"))).toContain("answer-in-prompt");
  });

  it("flags a false statement whose swap broke the grammar", () => {
    expect(malformedReasons(item("They stayed for one months.", "true-false", "false"))).toContain("broken-perturbation");
    expect(malformedReasons(item("The trip was a eleven-day visit.", "true-false", "false"))).toContain("broken-perturbation");
    expect(malformedReasons(item("The trip was a one-day visit.", "true-false", "false"))).toEqual([]);
  });
});

describe("malformed cards: reporter's frame", () => {
  it("does not count 'this is what we learned' as a first-person subject", () => {
    expect(malformedReasons(item("The port will close for ____ weeks, this is what we learned on Friday."))).toEqual([]);
  });
});

describe("malformed cards: articles, length and the answer in another form", () => {
  it("flags an article that no longer fits the swapped word", () => {
    expect(malformedReasons(item("Then the NATO will pay the fund.", "true-false", "false"))).toContain("article");
    expect(malformedReasons(item("Ruth was a 8-year-old pupil.", "true-false", "false"))).toContain("article");
    expect(malformedReasons(item("Ruth was an 20-year-old pupil.", "true-false", "false"))).toContain("article");
    // Fitting articles (negative cases).
    expect(malformedReasons(item("Then the EU will pay the fund; a NATO summit and an EU summit followed.", "true-false", "false"))).toEqual([]);
    expect(malformedReasons(item("Ruth was an 18-year-old pupil.", "true-false", "false"))).toEqual([]);
  });

  it("flags a prompt too long to hold in mind", () => {
    expect(malformedReasons(item(`The port opened in ____ ${"and the fleet grew quickly ".repeat(14)}.`))).toContain("too-long");
    expect(malformedReasons(item("The port opened in ____ and the fleet grew quickly."))).toEqual([]);
  });

  it("flags the answer's acronym elsewhere in the prompt, not an acronym's own definition", () => {
    expect(malformedReasons(item("Chile joined the UN rights council; the rights council of the ____ met.", "cloze", "United Nations"))).toContain("answer-form-in-prompt");
    expect(malformedReasons(item("The ____ (NFO) published a report.", "cloze", "National Fisheries Office"))).toEqual([]);
    expect(malformedReasons(item("What does NFO stand for?", "question", "National Fisheries Office"))).toEqual([]);
  });
});
