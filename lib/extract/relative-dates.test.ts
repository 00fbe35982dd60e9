import { describe, expect, it } from "vitest";
import { generate } from "./index";
import { weekMonth } from "./relative-dates";

const dated = (body: string, published = "2009-11-15") => generate(`published: ${published}\n\n${body}\n`).cards.filter((c) => c.kind === "date");

describe("relative dates resolved only when certain", () => {
  it("reads 'the end of the year' as the document's year", () => {
    const [c] = dated("The bakery chain will keep its prices frozen until the end of the year, its owner said.", "2005-02-25");
    expect([c?.prompt, c?.answer]).toEqual(["The bakery chain will keep its prices frozen until the end of ____, its owner said.", "2005"]);
  });

  it("reads 'the end of the year and then …' as one time, but not 'the end of the year and the next'", () => {
    const [c] = dated("The council will keep the old bridge open until the end of the year and then it will close for repairs.", "2005-02-25");
    expect([c?.prompt, c?.answer]).toEqual(["The council will keep the old bridge open until the end of ____ and then it will close for repairs.", "2005"]);
    expect(dated("The council will keep the old bridge open until the end of the year and the next.", "2005-02-25")).toEqual([]);
    expect(dated("The council will keep the old bridge open until the end of the year or early next year.", "2005-02-25").some((c) => c.prompt.includes("end of ____"))).toBe(false);
  });

  it("reads 'the end of the year' in a narrative as the narrative's year", () => {
    const [, c] = dated("The canal opened in 1869. Traffic grew so fast that a second basin was dug by the end of the year.", "2021-03-01");
    expect(c?.answer).toBe("1869");
  });

  it("gives 'next week' a month only when the whole week lies in one month", () => {
    const [c] = dated("The ministry will hold talks with the rail unions next week about the pension reform.");
    expect([c?.prompt, c?.answer]).toEqual(["The ministry will hold talks with the rail unions in ____ about the pension reform.", "November 2009"]);
    // Published Wednesday 25 November 2009: next week runs 30 November – 6 December.
    expect(dated("The ministry will hold talks with the rail unions next week about the pension reform.", "2009-11-25")).toEqual([]);
    expect(weekMonth({ year: 2009, month: 11, day: 25 }, 1)).toBeNull();
  });

  it("reads 'in late August' and 'three months from now' as months", () => {
    expect(dated("The harvest was delayed until late August by the floods.").map((c) => [c.prompt, c.answer])).toEqual([
      ["The harvest was delayed until late ____ by the floods.", "August 2009"],
    ]);
    expect(dated("The new ferry terminal will open three months from now, the operator said.").map((c) => [c.prompt, c.answer])).toEqual([
      ["The new ferry terminal will open in ____, the operator said.", "February 2010"],
    ]);
  });

  it("reads 'on Monday' by the clause's tense, in the week around publication", () => {
    // Published Wednesday 18 November 2009.
    expect(dated("The harbour board met on Monday to approve the new ferry timetable.", "2009-11-18").map((c) => [c.prompt, c.answer])).toContainEqual([
      "The harbour board met on ____ to approve the new ferry timetable.",
      "November 16, 2009",
    ]);
    expect(dated("The harbour board will meet on Friday to approve the new ferry timetable.", "2009-11-18").map((c) => c.answer)).toEqual(["November 20, 2009"]);
    // Unclear tense, the publication's own weekday, an explicit date after it, a narrative of the past: nothing.
    expect(dated("The harbour board meets on Monday to approve the new ferry timetable.", "2009-11-18")).toEqual([]);
    expect(dated("The harbour board met on Wednesday to approve the new ferry timetable.", "2009-11-18")).toEqual([]);
    expect(dated("The harbour board met on Monday, November 9, to approve the new timetable.", "2009-11-18").map((c) => c.answer)).toEqual(["November 9"]);
    expect(dated("The ferry line opened in 1931. The harbour board met on Monday to approve its timetable.", "2009-11-18").every((c) => c.answer === "1931")).toBe(true);
  });

  it("reads 'last year's visit' as a year standing as a determiner, with no 'When' question", () => {
    const got = dated("The ferry deal was agreed during last year's state visit by the Danish prime minister.", "2009-11-18");
    expect(got.map((c) => [c.type, c.prompt, c.answer])).toEqual([["cloze", "The ferry deal was agreed during the ____ state visit by the Danish prime minister.", "2008"]]);
    expect(dated("The ferry deal was agreed during yesterday's talks with the Danish prime minister.", "2009-11-18")).toEqual([]);
  });

  it("makes no date of a span or an approximation", () => {
    expect(dated("The ministry will hold talks over the next fortnight on the pension reform.")).toEqual([]);
    expect(dated("The ministry held talks some weeks ago on the pension reform.")).toEqual([]);
    expect(dated("The new ferry terminal will open a few months from now, the operator said.")).toEqual([]);
    expect(dated("The ministry held talks during the next week of the strike.")).toEqual([]);
  });
});

describe("'the end of the year' in a narrative", () => {
  it("gives no year when no explicit year is written just before it", () => {
    const text =
      "The canal opened in 1869. Traffic grew quickly over the following decades. Merchants petitioned the city council for a larger basin, and the council agreed after a long debate. " +
      "The engineers drew up three plans, argued over the cost for many months, and finally chose the cheapest design. A new mayor then reopened the whole question, and the engineers had to defend their choice before a committee of merchants. " +
      "Work began in the spring, when the ice had gone. By the end of the year, the basin was finished.";
    expect(dated(text, "2021-03-01").some((c) => /basin was finished/.test(c.prompt))).toBe(false);
  });
});
