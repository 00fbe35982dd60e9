import { describe, expect, it } from "vitest";
import { generate } from "./index";

const title = "Interview with Ana Sol, Radio Nord (Premier Lars Berg)";
const prompts = (body: string) => generate(`title: ${title}\n\n${body}`).cards.map((c) => c.prompt);

describe("'you' in an interviewer's premise", () => {
  it("is the person who answers next: the people the premise names become cards", () => {
    const body = "SOL: Mr Holt praised your plan. You got a letter from Dr Vale as well. Why now?\n\nPREMIER: Because the quotas ran out in May and the fleet needed a new plan.";
    const got = prompts(body);
    expect(got).toContain("According to Ana Sol, Mr ____ praised Lars Berg's plan.");
    expect(got).toContain("According to Ana Sol, Lars Berg got a letter from Dr ____ as well.");
  });

  it("leaves a 'you' it cannot spell out safely, and a turn answered by no named person", () => {
    // "you have" would need "Lars Berg has": no card.
    expect(prompts("SOL: You have met Dr Vale twice. Why?\n\nPREMIER: Because the quotas ran out in May.").some((p) => p.includes("Vale"))).toBe(false);
    // Answered by an unnamed role: "you" stays unknown.
    const t = "title: Press conference (Premier Lars Berg)\n\nJOURNALIST: Dr Vale praised your plan. Why now?\n\nOFFICIAL: Because the quotas ran out in May.";
    expect(generate(t).cards.some((c) => c.prompt.includes("Vale"))).toBe(false);
  });
});
