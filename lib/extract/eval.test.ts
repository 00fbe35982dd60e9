import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { answerMatches, covers, evaluate, formatReport, normalizeAnswer, parseGoldTsv, sourceOverlap } from "./eval";
import { generate } from "./index";
import { quizItems } from "./views";

const SHIPPED = path.resolve(__dirname, "../../tests/fixtures/shipped");
const DOC = "russian-presence-in-latin-america";

describe("answer matching", () => {
  it("ignores case, accents, punctuation and thousands separators", () => {
    expect(normalizeAnswer("Sebastián  Piñera.")).toBe("sebastian pinera");
    expect(answerMatches("3,000", "3000")).toBe(true);
    expect(answerMatches("80 percent", "80%")).toBe(true);
    expect(answerMatches("the Lima Group", "Lima Group")).toBe(true);
    expect(answerMatches("2018", "2019")).toBe(false);
  });

  it("matches multi-item answers by their items, in any order and with any joiner", () => {
    expect(answerMatches("Venezuela, Nicaragua, Argentina or Bolivia", "Venezuela, Nicaragua, Argentina, Bolivia")).toBe(true);
    expect(answerMatches("Brazil and Colombia", "Colombia and Brazil")).toBe(true);
    expect(answerMatches("Venezuela, Nicaragua", "Venezuela, Nicaragua, Argentina, Bolivia")).toBe(false);
  });

  it("matches long answers on their content words", () => {
    expect(answerMatches("Russian submarines to use Venezuelan ports", "Russian submarines may use Venezuelan ports")).toBe(true);
    expect(answerMatches("Russian ships to use Cuban ports", "Russian submarines may use Venezuelan ports")).toBe(false);
  });

  it("uses accepted variants", () => {
    expect(answerMatches("Andrei Piatakov", "Andrei Pyatakov", ["Andrei Pyatakov"])).toBe(true);
  });
});

describe("source matching", () => {
  it("scores the sentence a paraphrase comes from above the threshold and another below", () => {
    const fact = "In 2015 China became the main arms exporter to Venezuela and overtook Russia.";
    expect(sourceOverlap("In 2015, China became the main arms exporter to Venezuela and overtook Russia.", fact)).toBeGreaterThan(0.9);
    expect(sourceOverlap("In 2018, a service center was inaugurated in Lima, Peru.", fact)).toBeLessThan(0.5);
  });

  it("never counts true/false items as coverage", () => {
    const gold = { id: "G", type: "date", answer: "2015", fact: "In 2015 China overtook Russia." };
    expect(covers({ type: "true-false", prompt: "x", answer: "2015", source: "In 2015, China overtook Russia." }, gold)).toBe(false);
    expect(covers({ type: "cloze", prompt: "x", answer: "2015", source: "In 2015, China overtook Russia." }, gold)).toBe(true);
  });
});

describe("gold files", () => {
  it("parses id, type, answer, fact by header name", () => {
    const g = parseGoldTsv("id\ttype\tanswer\tfact\nG1\tnumber\t3,000\tThe US will deploy 3,000 soldiers.\n");
    expect(g).toEqual([{ id: "G1", type: "number", answer: "3,000", fact: "The US will deploy 3,000 soldiers." }]);
  });

  it("ends the report with the recall line", () => {
    const r = evaluate([], parseGoldTsv("id\ttype\tanswer\tfact\nG1\tdate\t2019\tIt happened in 2019.\n"));
    expect(formatReport(r).split("\n").at(-1)).toBe("recall: 0/1 (0.0%)");
    expect(formatReport(r)).toContain("MISS");
  });
});

describe("shipped document", () => {
  const text = fs.readFileSync(path.join(SHIPPED, `${DOC}.txt`), "utf8");
  const gold = parseGoldTsv(fs.readFileSync(path.join(SHIPPED, `${DOC}.gold.tsv`), "utf8"));
  const generated = generate(text, { publishedAt: "2022-02-02" });
  const items = quizItems(generated);

  it("covers all 24 gold facts", () => {
    const report = evaluate(items, gold);
    expect(gold).toHaveLength(24);
    expect(report.covered).toBe(24);
  });

  it("asks every multiple-choice question with 3 distractors of the answer's type", () => {
    const mc = items.filter((i) => i.type === "multiple-choice");
    expect(mc.length).toBeGreaterThanOrEqual(10);
    for (const q of mc) {
      expect(q.options).toHaveLength(4);
      expect(q.options).toContain(q.answer);
      if (/^\d{4}$/.test(q.answer)) expect(q.options!.every((o) => /^\d{4}$/.test(o))).toBe(true);
    }
  });

  it("makes no card from questions, opinions, headings or speaker labels", () => {
    const presupposed = generated.facts.filter((f) => f.fields.presupposed);
    for (const c of generated.cards) {
      // An event a question presupposes is restated as a statement; nothing else comes from a question.
      if (!presupposed.some((f) => f.key === c.factKey)) expect(c.source.endsWith("?")).toBe(false);
      expect(c.prompt).not.toMatch(/^I (think|don't believe)|Challenging the Monroe|RFI|rf-5|ndlr/);
    }
    expect(presupposed.map((f) => f.answer)).toEqual(["1962"]);
    expect(generated.cards.filter((c) => c.factKey === presupposed[0].key).map((c) => c.prompt)).toEqual([
      "The missile crisis in Cuba took place in ____.",
    ]);
  });

  it("keeps the shipped copy identical to the shared original when it is present", () => {
    const shared = path.resolve(__dirname, "../../../shared/documents", `${DOC}.txt`);
    if (fs.existsSync(shared)) expect(fs.readFileSync(shared, "utf8")).toBe(text);
  });
});
