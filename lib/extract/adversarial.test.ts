import { describe, expect, it } from "vitest";
import { MAX_FACTS_PER_SENTENCE, generate } from "./index";
import { MAX_NAME_TOKENS, segmentationWork } from "./entities";
import { PATHOLOGICAL } from "./pathological";

// Generation must do bounded work per character on any input: a learner's
// pasted text runs on a shared worker. Wall-clock limits live in
// `npm run bench:extract -- --adversarial`; here the work is counted.
describe("generation on pathological texts", () => {
  it("name segmentation does at most a bounded number of classifications per token, at every size", () => {
    for (const [name, build] of Object.entries(PATHOLOGICAL)) {
      for (const chars of [400, 4000]) {
        const text = build(chars);
        segmentationWork.calls = 0;
        generate(text, { publishedAt: null });
        const tokens = text.split(/\s+/).length;
        expect(segmentationWork.calls, `${name} at ${chars} characters`).toBeLessThanOrEqual(tokens * MAX_NAME_TOKENS * 2 + 10);
      }
    }
  });

  it('"Alpha and " repeated 40 times (400 characters) yields a result, and 40 times more work for 40 times the text at most', () => {
    segmentationWork.calls = 0;
    generate(PATHOLOGICAL["and-run"](400), { publishedAt: null });
    const small = segmentationWork.calls;
    segmentationWork.calls = 0;
    generate(PATHOLOGICAL["and-run"](16_000), { publishedAt: null });
    expect(small).toBeGreaterThan(0);
    expect(segmentationWork.calls).toBeLessThanOrEqual(small * 40 * 1.5);
  });

  it("every pathological text gives a well-formed result (no throw, cards only with an answer)", () => {
    for (const [name, build] of Object.entries(PATHOLOGICAL)) {
      const out = generate(build(10_000), { publishedAt: null });
      for (const c of out.cards) expect(c.answer.trim().length, name).toBeGreaterThan(0);
    }
  });

  it("builds a bounded number of facts from one run-on sentence, so the per-card work on it stays linear", () => {
    for (const chars of [2_500, 40_000]) {
      const out = generate(PATHOLOGICAL["one-sentence"](chars), { publishedAt: null });
      const bySentence = new Map<string, number>();
      for (const f of out.facts) bySentence.set(f.sentence, (bySentence.get(f.sentence) ?? 0) + 1);
      expect(Math.max(0, ...bySentence.values()), `${chars} characters`).toBeLessThanOrEqual(MAX_FACTS_PER_SENTENCE);
    }
  });
});
