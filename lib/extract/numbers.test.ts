import { describe, expect, it } from "vitest";
import { analyzeDocument } from "./index";

function numbers(text: string) {
  return analyzeDocument(text).candidates.filter((c) => c.kind === "number");
}

describe("numbers", () => {
  it("finds counts with what they count", () => {
    const [n] = numbers("The United States will deploy 3,000 soldiers in Eastern Europe.");
    expect(n.answer).toBe("3,000");
    expect(n.fields).toMatchObject({ value: 3000, unit: "soldiers", format: "plain" });
  });

  it("finds percentages and what they measure", () => {
    const [n] = numbers("80% of the electricity in Argentina is produced by old plants.");
    expect(n.answer).toBe("80%");
    expect(n.fields).toMatchObject({ value: 80, format: "percent", measures: "the electricity in Argentina" });
  });

  it("finds ranks only with a superlative", () => {
    const got = numbers("Russia, which is the second largest arms exporter in the world, wants to regain first place.");
    expect(got.map((n) => n.answer)).toEqual(["second"]);
    expect(got[0].fields).toMatchObject({ value: 2, format: "ordinal" });
  });

  it("keeps precise durations and drops vague ones", () => {
    const got = numbers("Over the past ten years, the army was modernized. For several years, nothing changed.");
    expect(got.map((n) => [n.answer, n.fields.format])).toEqual([["ten years", "duration"]]);
  });

  it("skips a count the sentence enumerates right after it", () => {
    expect(numbers("Two countries, Colombia and Brazil, are partners. These are partnerships on two axes: security and energy.")).toEqual([]);
  });

  it("reads money and leaves approximators out of the answer", () => {
    const got = numbers("The refinery cost $19 billion. The company won a contract worth \u20ac1.35 billion with the state.");
    expect(got.map((n) => n.answer)).toEqual(["$19 billion", "\u20ac1.35 billion"]);
  });

  it("keeps a unit of measure in the answer but not a counted noun", () => {
    const got = numbers("Nigeria produces about 1.8 million barrels of oil per day. Chile will open a quota of 12,500 tonnes a year. The army sent 3,000 soldiers.");
    expect(got.map((n) => n.answer)).toEqual(["1.8 million barrels", "12,500 tonnes", "3,000"]);
    expect(got[0].fields).toMatchObject({ value: 1_800_000, unit: "barrels" });
  });

  it("gives the first number of a range the noun of the second", () => {
    const got = numbers("The plan raises the workforce from 1,850 to about 2,500 employees next year.");
    expect(got.map((n) => [n.answer, n.fields.unit])).toEqual([["1,850", "employees"], ["2,500", "employees"]]);
  });

  it("skips a count that points back ('the two companies')", () => {
    expect(numbers("The two companies have also agreed to form a joint venture in Norway.")).toEqual([]);
  });
});

describe("one number parser for generation and grading", () => {
  it("multiplies scales instead of adding them", async () => {
    const { parseNumber, leadingNumber } = await import("./text");
    expect(parseNumber("two hundred")).toBe(200);
    expect(parseNumber("three thousand")).toBe(3000);
    expect(parseNumber("twenty-five")).toBe(25);
    expect(parseNumber("3.5 million")).toBe(3_500_000);
    expect(parseNumber("$19bn")).toBe(19e9);
    expect(parseNumber("3,000")).toBe(3000);
    expect(leadingNumber("two hundred soldiers")).toEqual({ value: 200, rest: "soldiers" });
    expect(parseNumber("second")).toBeNaN();
    expect(parseNumber("soldiers")).toBeNaN();
  });

  it("never accepts the first word of a number phrase as the whole answer", async () => {
    const { acceptedVariants } = await import("./variants");
    const ty = { t: "number", value: 200, unit: "soldiers", style: "words", format: "plain" } as const;
    const acc = acceptedVariants("two hundred soldiers", ty, undefined, "");
    expect(acc).toContain("200 soldiers");
    expect(acc).toContain("200");
    expect(acc).not.toContain("2");
    const k = acceptedVariants("three thousand", { ...ty, value: 3000, unit: "" }, undefined, "");
    expect(k).not.toContain("3");
    expect(k).toContain("3000");
  });
});

describe("numbers written in shapes of their own", () => {
  const answers = async (text: string) => (await import("./index")).generate(text).cards.map((c) => c.answer);

  it("reads tallies, money ranges, glued money, periods, strengths, editions and hedged counts", async () => {
    expect(await answers("The assembly approved the charter by a vote of 68 to 32 after a long debate.")).toContain("68 to 32");
    expect(await answers("The ministry put the cost of the new port at €12-14 billion in its central case.")).toContain("€12-14 billion");
    expect(await answers("The city is building a tramway at a cost of $450million over the decade.")).toContain("$450million");
    expect(await answers("For 2021-22 the levy will be set by the existing formula.")).toContain("2021-22");
    expect(await answers("The republic is sending a 600-strong battalion to the border region.")).toContain("600");
    expect(await answers("Anna Berg won the fourth edition of the coastal marathon in the rain.")).toContain("fourth");
    expect(await answers("About 30 or so mayors attended the summit in the old town hall.")).toContain("30");
  });

  it("does not read a score, an age range or a first time as a tally, period or edition", async () => {
    expect(await answers("The children aged 5-11 went to the new school by bus every morning.")).not.toContain("5-11");
    expect(await answers("It was the first time the council met in the new town hall.")).toEqual([]);
    expect(await answers("The company hired 120 engineers in the new plant in the north.")).not.toContain("120 engineers in");
  });
});
