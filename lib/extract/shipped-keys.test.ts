// Learners' progress on the shipped document is kept across regeneration by card key (the fact's
// kind, answer and sentence): a rule that changes a shipped card must do so on purpose. The list
// below is the shipped cards after session 5 (gen-prec; prompts updated by the lead's rule that reports a
// speaker's framed assertion as theirs); a deliberate change updates it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "./index";

const ROOT = path.resolve(__dirname, "../..");
const text = fs.readFileSync(path.join(ROOT, "tests/fixtures/shipped/russian-presence-in-latin-america.txt"), "utf8");
const recorded = fs
  .readFileSync(path.join(ROOT, "tests/fixtures/shipped-card-keys.tsv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [key, type, prompt] = line.split("\t");
    return { key, type, prompt };
  });

describe("shipped card keys", () => {
  const cards = generate(text, { publishedAt: "2022-02-02" }).cards;

  it("regenerates every recorded shipped card under the same key, type and prompt", () => {
    expect(recorded.length).toBeGreaterThan(40);
    const byKey = new Map(cards.map((c) => [c.key, c]));
    for (const r of recorded) expect({ key: r.key, type: byKey.get(r.key)?.type, prompt: byKey.get(r.key)?.prompt }).toEqual(r);
  });

  it("attributes the interviewee's judgements to him and keeps their keys", () => {
    const colombia = cards.find((c) => c.answer === "Colombia and Brazil" && c.type === "cloze");
    expect(colombia?.key).toBe("c_26bbqraic95");
    expect(colombia?.prompt).toMatch(/^Andrei Pyatakov said: "Two countries which have very powerful armies and undoubtedly/);
    const partners = cards.find((c) => c.answer === "Venezuela, Nicaragua, Argentina or Bolivia");
    expect(partners?.key).toBe("c_1kafff1m1ji");
    expect(partners?.prompt).toMatch(/^According to Andrei Piatakov, for several years, Moscow/);
  });
});
