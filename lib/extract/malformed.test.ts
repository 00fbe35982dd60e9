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
  });

  it("flags labels, stage notes, bullets, doubled words and the answer left in the prompt", () => {
    expect(malformedReasons(item("Q: The port opened in ____."))).toContain("speaker-label");
    expect(malformedReasons(item("The port (inaudible) opened in ____."))).toContain("stage-note");
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
