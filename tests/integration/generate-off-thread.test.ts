import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "@/lib/extract";
import { generateOffThread } from "@/lib/generation/generate-off-thread";

const shipped = fs.readFileSync(path.resolve(__dirname, "../../content/russian-presence-in-latin-america.md"), "utf8").split("---").slice(2).join("---");

describe("generating cards on a worker thread", () => {
  it("gives exactly what generate gives, for a document large enough to use the worker", async () => {
    const big = Array.from({ length: 6 }, () => shipped).join("\n\n");
    expect(big.length).toBeGreaterThan(20_000);
    const published = new Date("2022-02-02T00:00:00Z");
    expect(await generateOffThread(big, published)).toEqual(generate(big, { publishedAt: published }));
  });

  it("serves several requests at once, each with its own result", async () => {
    const a = shipped.repeat(4);
    const b = shipped.replaceAll("2019", "2009").repeat(4);
    const [ra, rb] = await Promise.all([generateOffThread(a, null), generateOffThread(b, null)]);
    expect(ra.cards.some((c) => c.answer === "2019")).toBe(true);
    expect(rb.cards.some((c) => c.answer === "2009")).toBe(true);
    expect(rb.cards.some((c) => c.answer === "2019")).toBe(false);
  });
});
