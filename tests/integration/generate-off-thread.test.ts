import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "@/lib/extract";
import { generateOffThread, GenerationTimeout } from "@/lib/generation/generate-off-thread";

const shipped = fs.readFileSync(path.resolve(__dirname, "../../content/russian-presence-in-latin-america.md"), "utf8").split("---").slice(2).join("---");

describe("generating cards on a worker thread", () => {
  it("gives exactly what generate gives, for a short text and a long one", async () => {
    const published = new Date("2022-02-02T00:00:00Z");
    expect(await generateOffThread(shipped, published)).toEqual(generate(shipped, { publishedAt: published }));
    const big = Array.from({ length: 6 }, () => shipped).join("\n\n");
    expect(await generateOffThread(big, published, { learnerId: "a" })).toEqual(generate(big, { publishedAt: published }));
  });

  it("serves several requests at once, each with its own result", async () => {
    const a = shipped.repeat(4);
    const b = shipped.replaceAll("2019", "2009").repeat(4);
    const [ra, rb] = await Promise.all([generateOffThread(a, null, { learnerId: "a" }), generateOffThread(b, null, { learnerId: "b" })]);
    expect(ra.cards.some((c) => c.answer === "2019")).toBe(true);
    expect(rb.cards.some((c) => c.answer === "2009")).toBe(true);
    expect(rb.cards.some((c) => c.answer === "2019")).toBe(false);
  });

  it("stops a generation that runs past its budget with a clear message, and the pool keeps serving", async () => {
    const big = Array.from({ length: 30 }, () => shipped).join("\n\n");
    const stopped = generateOffThread(big, null, { learnerId: "slow", budgetMs: 5 });
    await expect(stopped).rejects.toBeInstanceOf(GenerationTimeout);
    await expect(stopped).rejects.toThrow(/took longer than .* so it was stopped\. Nothing was saved/);
    // The same learner's next document, and another learner's, still work.
    const [again, other] = await Promise.all([generateOffThread(shipped, null, { learnerId: "slow" }), generateOffThread(shipped, null, { learnerId: "other" })]);
    expect(again.cards.length).toBeGreaterThan(0);
    expect(other.cards.length).toBe(again.cards.length);
  });
});
