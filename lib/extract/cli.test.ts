import path from "node:path";
import { describe, expect, it } from "vitest";
import { main as cardsMain, parseArgs } from "../../scripts/cards";
import { main as evalMain } from "../../scripts/eval-cards";
import { syntheticText } from "../../scripts/bench-extract";

const SHIPPED = path.resolve(__dirname, "../../tests/fixtures/shipped");
const DOC = path.join(SHIPPED, "russian-presence-in-latin-america.txt");
const GOLD = path.join(SHIPPED, "russian-presence-in-latin-america.gold.tsv");

describe("scripts", () => {
  it("cards --json prints quiz items with type, kind, prompt, answer, options, source", () => {
    const { output, ok } = cardsMain([DOC, "--published", "2022-02-02", "--json"]);
    expect(ok).toBe(true);
    const items = JSON.parse(output) as { type: string; options?: string[] }[];
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(["cloze", "question", "multiple-choice", "true-false"]));
    for (const i of items.filter((x) => x.type === "multiple-choice")) expect(i.options).toHaveLength(4);
    expect(Object.keys(items[0])).toEqual(expect.arrayContaining(["type", "kind", "prompt", "answer", "source"]));
  });

  it("cards rejects a malformed published date without throwing", () => {
    expect(parseArgs(["x.txt", "--published", "Feb 2"])).toMatch(/YYYY-MM-DD/);
    expect(cardsMain([]).ok).toBe(false);
  });

  it("eval prints the recall line last", () => {
    const { output } = evalMain([DOC, GOLD, "--published", "2022-02-02"]);
    expect(output.split("\n").at(-1)).toMatch(/^recall: \d+\/24 \(\d+\.\d%\)$/);
  });

  it("bench builds a deterministic text of about the requested size", () => {
    const a = syntheticText(2000);
    expect(a).toBe(syntheticText(2000));
    const words = a.split(/\s+/).length;
    expect(words).toBeGreaterThanOrEqual(2000);
    expect(words).toBeLessThan(2100);
  });
});
