import { describe, expect, it } from "vitest";
import { generate } from "./index";

const interview = (question: string) =>
  generate(`title: Interview with the Harbour Gazette (Mayor Ana Duarte)\npublished: 2009-11-15\n\nJOURNALIST: ${question}\n\nMAYOR: The ferry crews know what is at stake for the town.\n`).cards.filter((c) => c.kind === "date");

describe("relative dates inside an interviewer's question", () => {
  it("asks the resolved date as the asker's words", () => {
    const [c] = interview("How important are the ferry talks next week for the island towns?");
    expect([c?.prompt, c?.answer]).toEqual(['The journalist asked: "How important are the ferry talks in ____ for the island towns?"', "November 2009"]);
    expect(c?.falseStatement).toMatch(/^The journalist asked: "How important are the ferry talks in \w+ 2009 for the island towns\?"$/);
  });

  it("takes nothing from a question to 'you', in the first person, or with a written date", () => {
    expect(interview("Will you join the ferry talks next week with the island towns?")).toEqual([]);
    expect(interview("Should we hold the ferry talks next week with the island towns?")).toEqual([]);
    expect(interview("How important were the ferry talks of 1998 for the island towns?").some((c) => c.prompt.includes("asked"))).toBe(false);
  });
});
