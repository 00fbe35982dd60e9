import { describe, expect, it } from "vitest";
import { segmentText } from "./segment-text";

describe("segmentText", () => {
  it("covers the whole text, highlighting each fact span once", () => {
    const text = "One. Two sentence. Three.";
    const segs = segmentText(text, [{ id: "b", start: 19, end: 25 }, { id: "a", start: 5, end: 18 }]);
    expect(segs.map((s) => s.text).join("")).toBe(text);
    expect(segs.filter((s) => s.factId).map((s) => [s.factId, s.text])).toEqual([["a", "Two sentence."], ["b", "Three."]]);
  });

  it("keeps the first of two overlapping spans and ignores spans outside the text", () => {
    const segs = segmentText("abcdefgh", [{ id: "x", start: 0, end: 5 }, { id: "y", start: 3, end: 8 }, { id: "z", start: 6, end: 99 }]);
    expect(segs).toEqual([{ text: "abcde", factId: "x" }, { text: "fgh", factId: null }]);
  });
});
