import { describe, expect, it } from "vitest";
import { analyzeDocument, generate } from "./index";
import { resolveYear } from "./dates";

function dates(text: string, publishedAt?: string) {
  return analyzeDocument(text, { publishedAt }).candidates.filter((c) => c.kind === "date");
}

describe("dates", () => {
  it("finds years, month-years and full dates", () => {
    const got = dates("In 2018, a center opened in Lima. In November 2019, officials visited the port. The plant opened on May 22, 2023.");
    expect(got.map((c) => [c.answer, c.answerType.t])).toEqual([
      ["2018", "year"],
      ["November 2019", "month-year"],
      ["May 22, 2023", "day-month"],
    ]);
  });

  it("resolves 'this Wednesday, February 2' against the published date", () => {
    const [d] = dates("The troops will leave, this is what we learned this Wednesday, February 2.", "2022-02-02");
    expect(d.answer).toBe("February 2");
    expect(d.fields).toMatchObject({ year: 2022, month: 2, day: 2, iso: "2022-02-02" });
  });

  it("picks the year nearest to publication for a month and day", () => {
    expect(resolveYear(12, 30, { year: 2022, month: 1, day: 3 })).toBe(2021);
    expect(resolveYear(1, 3, { year: 2021, month: 12, day: 30 })).toBe(2022);
    expect(resolveYear(1, 3, null)).toBeNull();
  });

  it("treats durations as numbers, not dates", () => {
    expect(dates("Over the past ten years, prices rose. For several years, the firm grew. In recent years, costs fell.")).toEqual([]);
  });

  it("ignores years in questions and opinions", () => {
    expect(dates("Is a crisis like in 1962 possible? I think the crisis of 1962 is different.")).toEqual([]);
  });

  it("ignores life spans and counts that look like years", () => {
    expect(dates("The poet (1920-2005) wrote often. The army sent 2000 soldiers there.")).toEqual([]);
  });

  it("asks 'When ...?' for a fronted date", () => {
    const [a, b] = dates("In 2015, China became the main arms exporter to Venezuela and overtook Russia. In 2018, a service center was inaugurated in Lima.");
    expect(a.question).toBe("When did China become the main arms exporter to Venezuela and overtake Russia?");
    expect(b.question).toBe("When was a service center inaugurated in Lima?");
  });

  it("makes no date fact from a sentence whose subject is a pronoun (who 'they' are is not in it)", () => {
    expect(dates("In 2020, it rained a lot in the north of the country. They built a center in Nicaragua, which was inaugurated in 2017.")).toEqual([]);
  });

  it("does not ask a question it cannot form (relative clause)", () => {
    const [b] = dates("The firm built a center in Nicaragua, which was inaugurated in 2017.");
    expect(b.question).toBeUndefined();
  });

  it("takes the year of a month and day without one from the narrative of a text about the past", () => {
    const text = "On March 3, the envoy reached the capital. The treaty of 1821 was signed later that spring. On May 9, the troops left.";
    const [a, , c] = dates(text, "2019-06-01");
    expect(a.fields).toMatchObject({ year: 1821, month: 3, day: 3 });
    expect(c.fields).toMatchObject({ year: 1821, month: 5, day: 9 });
    // In news the same date is the one nearest publication.
    const [n] = dates("On March 3, the minister opened the new bridge in 2019 style.", "2019-06-01");
    expect(n.fields).toMatchObject({ year: 2019 });
  });

  it("never lends a narrative's year to a month in a sentence about the present or the future", () => {
    const text = "The old dam on the river was finished in 1961. The new dam opens in June and will feed the western valleys. On August 4, the council will vote on its budget.";
    const got = dates(text, "2024-02-10");
    // "in June" gives no date; "On August 4" stays as written, with no year made up for it.
    expect(got.map((c) => c.answer)).toEqual(["1961", "August 4"]);
    expect(got[1].fields).not.toHaveProperty("year", 1961);
    // The same month in a past-tense sentence of that narrative takes the narrative's year.
    const [, june] = dates("The old dam on the river was finished in 1961. The first turbine started in June after a long test.", "2024-02-10");
    expect(june.fields).toMatchObject({ year: 1961, month: 6 });
  });

  it("takes 'since January' as the January before the text's date, never the next one", () => {
    const [d] = dates("Since January, the clinic has treated 300 patients from the valley.", "2025-10-16");
    expect(d.fields).toMatchObject({ year: 2025, month: 1 });
    // "by January" looks ahead: the next one.
    const [n] = dates("The new clinic will open by January in the valley town.", "2025-10-16");
    expect(n.fields).toMatchObject({ year: 2026, month: 1 });
  });

  it("resolves 'last Tuesday' against the published date and asks about it without a cloze", () => {
    const [d] = dates("The contract was signed last Tuesday in Oslo by both chief executives.", "2025-03-10");
    expect(d.answer).toBe("March 4, 2025");
    expect(d.question).toBe("When was the contract signed in Oslo by both chief executives?");
  });

  it("leaves 'last Tuesday' alone without a published date", () => {
    expect(dates("The contract was signed last Tuesday in Oslo by both chief executives.")).toEqual([]);
  });
});

describe("dates relative to the document's date", () => {
  const P = "2019-03-14";
  it("resolves today, yesterday, last year, a decade ago and 'in April' against the published date", () => {
    const got = dates(
      "The two mayors signed the river compact today in Lyon. The board approved the budget yesterday after a long debate. The port was sold last year to a Danish group. The canal plan was launched a decade ago by the regional council. The ministers will meet in April in the capital.",
      P,
    );
    expect(got.map((c) => [c.answer, c.fields.written])).toEqual([
      ["March 14, 2019", "today"],
      ["March 13, 2019", "yesterday"],
      ["2018", "last year"],
      ["2009", "a decade ago"],
      ["April 2019", "April"],
    ]);
  });

  it("writes the resolved date into the cloze in place of the relative words", async () => {
    const { generate } = await import("./index");
    const c = generate("The two mayors signed the river compact today in Lyon.", { publishedAt: P }).cards.find((x) => x.kind === "date");
    expect(c?.prompt).toBe("The two mayors signed the river compact on ____ in Lyon.");
    expect(c?.answer).toBe("March 14, 2019");
  });

  it("gives no date for approximations, spans or an unknown publication date", () => {
    expect(dates("The forum was set up 15 years or so ago by the members.", P)).toEqual([]);
    expect(dates("The two mayors will decide within the next fortnight on the canal.", P)).toEqual([]);
    expect(dates("The two mayors signed the river compact today in Lyon.")).toEqual([]);
    // "May" after a preposition only: "The council may meet" is not a month.
    expect(dates("The council may meet again to review the canal plan.", P)).toEqual([]);
  });
});

describe("relative words that are not dates", () => {
  it("skips 'today' used as a noun, 'the last month' as a span, and 'one day' as a figure", async () => {
    const P = "2019-03-14";
    expect(dates("Today is a truly historic day for the two harbour towns.", P)).toEqual([]);
    expect(dates("Today's agreement opens the river to barges from both towns.", P)).toEqual([]);
    expect(dates("In the last month the ministers met four times in the capital.", P)).toEqual([]);
    // A present perfect ties "today" to the moment of speaking: "On March 14, 2019 we've had" breaks the tense.
    expect(dates("Today we've had useful talks with the two harbour towns.", P)).toEqual([]);
    expect(dates("What the mayors have achieved here today is a shared port.", P)).toEqual([]);
    expect(dates("The two mayors have a plan, and they signed the river compact today.", P).map((c) => c.answer)).toEqual(["March 14, 2019"]);
    const { generate } = await import("./index");
    expect(generate("One day the harbour towns will share a single port authority.", { publishedAt: P }).cards).toEqual([]);
  });
});

describe("spoken day-months and adverbial 'yesterday'", () => {
  const cloze = (body: string, published: string) =>
    generate(`published: ${published}\n\n${body}\n`).cards.filter((c) => c.kind === "date" && c.type === "cloze").map((c) => [c.prompt, c.answer]);

  it("reads 'the 12th of March' as a day and month, asked in the written form once its year is known", () => {
    expect(cloze("The ferry strike on the 12th of March cost the harbour town a week of trade.", "2014-04-02")).toEqual([
      ["The ferry strike on ____ cost the harbour town a week of trade.", "March 12, 2014"],
    ]);
    // No date for the year: the answer stays as written.
    expect(generate("The ferry strike on the 12th of March cost the harbour town a week of trade.\n").cards.filter((c) => c.type === "cloze").map((c) => c.answer)).toEqual(["the 12th of March"]);
    // No ordinal suffix, no "of": not this shape ("the 12 March trains" is left to the plain rule).
    expect(cloze("The ferry strike cost the 12 harbour towns of March County a week of trade.", "2014-04-02")).toEqual([]);
  });

  it("reads 'yesterday' between a noun subject and its verb as the day before publication", () => {
    expect(cloze("The harbour master yesterday warned that the ferry strike could cost the town a week of trade.", "2014-04-02")).toEqual([
      ["The harbour master on ____ warned that the ferry strike could cost the town a week of trade.", "April 1, 2014"],
    ]);
  });

  it("leaves 'the deal today shows' alone (a present verb would not fit the written date)", () => {
    expect(cloze("The harbour deal today shows the strength of the two ferry companies.", "2014-04-02")).toEqual([]);
  });

  it("makes no date of 'Today' as the subject of a verb", () => {
    expect(cloze("Today marks a turning point for the harbour and its ferry crews.", "2014-04-02")).toEqual([]);
    expect(cloze("Yesterday was a turning point for the harbour and its ferry crews.", "2014-04-02")).toEqual([]);
  });
});
