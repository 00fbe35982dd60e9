// Short texts written for this test in genres the development set does not have (an earnings
// call transcript, a sports report, a science press release, a museum guide): the rules must
// carry, and no card may be malformed by the automatic checks.
import { describe, expect, it } from "vitest";
import { generate } from "./index";
import { quizItems } from "./views";
import { malformedItems } from "../../scripts/eval-cards";

const EARNINGS_CALL = `title: Third-quarter results call (Chief Executive Officer Laura Brandt)
published: 2024-10-24

OPERATOR: Good morning and welcome to the call.

CHIEF EXECUTIVE OFFICER: Thank you. Revenue rose 12 per cent to €4.2 billion in the quarter. Yesterday we completed the purchase of Nordkap Logistics for €310 million. We will open four new warehouses in Poland next year.

ANALYST: Can you say more about margins?

CHIEF EXECUTIVE OFFICER: Our operating margin reached 9.5 per cent, the highest in the company's history.`;

const SPORTS = `The Harbour City marathon was won on Sunday by Kenyan runner Grace Wanjiru in 2 hours 21 minutes. She finished 40 seconds ahead of Ethiopian Lemlem Tadesse. It was the fourth edition of the race, which was first held in 2021. About 18,000 runners took part, a record for the event.`;

const PRESS_RELEASE = `GENEVA, 3 March 2025 — The World Glacier Service reported today that glaciers lost 1.3 metres of ice thickness in 2024. The loss is the third largest since measurements began in 1950. The report was prepared by 40 research teams from 32 countries.`;

const MUSEUM = `The Lindqvist Museum opened in 1931 in a former customs house. It holds about 12,000 objects, including the Ormsund tapestry, woven around 1650. The museum was designed by the architect Ivar Holm.`;

function answers(text: string): string[] {
  return generate(text).cards.map((c) => c.answer);
}

describe("reach beyond the development genres", () => {
  it("an earnings call: the speaker is named, relative dates resolved, money and counts asked", () => {
    const g = generate(EARNINGS_CALL);
    const a = g.cards.map((c) => c.answer);
    expect(a).toEqual(expect.arrayContaining(["Laura Brandt", "October 23, 2024", "€310 million", "four", "2025"]));
    expect(g.cards.find((c) => c.answer === "€310 million")?.prompt).toMatch(/^Laura Brandt said: "/);
    expect(malformedItems(quizItems(g))).toEqual([]);
  });

  it("a sports report: winner, edition, first year and count", () => {
    expect(answers(SPORTS)).toEqual(expect.arrayContaining(["Grace Wanjiru", "fourth", "2021", "18,000"]));
    expect(malformedItems(quizItems(generate(SPORTS)))).toEqual([]);
  });

  it("a press release with a dateline: the date comes from the dateline, ranks and counts are asked", () => {
    const g = generate(PRESS_RELEASE);
    expect(g.cards.map((c) => c.answer)).toEqual(expect.arrayContaining(["third", "1950", "40", "March 3, 2025"]));
    expect(malformedItems(quizItems(g))).toEqual([]);
  });

  it("a museum guide: 'It' resolved to the museum, years and the architect asked", () => {
    const g = generate(MUSEUM);
    expect(g.cards.map((c) => c.answer)).toEqual(expect.arrayContaining(["1931", "12,000", "Lindqvist Museum"]));
    expect(g.cards.some((c) => c.prompt.startsWith("The Lindqvist Museum holds"))).toBe(true);
    expect(malformedItems(quizItems(g))).toEqual([]);
  });
});
