import { describe, expect, it } from "vitest";
import { compareIds, pickWeakest } from "./pick-weakest";

const c = (id: string, retrievability: number, lapses: number) => ({ id, retrievability, lapses });

describe("pickWeakest", () => {
  it("orders by lowest retrievability first", () => {
    const cards = [c("a", 0.9, 0), c("b", 0.2, 0), c("c", 0.5, 0)];
    expect(pickWeakest(cards, 3).map((x) => x.id)).toEqual(["b", "c", "a"]);
  });

  it("breaks retrievability ties by most lapses", () => {
    const cards = [c("a", 0.5, 1), c("b", 0.5, 4), c("c", 0.5, 2)];
    expect(pickWeakest(cards, 3).map((x) => x.id)).toEqual(["b", "c", "a"]);
  });

  it("breaks full ties by id, independent of input order", () => {
    const cards = [c("b", 0.5, 1), c("c", 0.5, 1), c("a", 0.5, 1)];
    expect(pickWeakest(cards, 3).map((x) => x.id)).toEqual(["a", "b", "c"]);
    expect(pickWeakest([...cards].reverse(), 3).map((x) => x.id)).toEqual(["a", "b", "c"]);
  });

  it("compares ids by code unit, not locale (uppercase sorts before lowercase)", () => {
    const cards = [c("b", 0.5, 1), c("B", 0.5, 1)];
    expect(pickWeakest(cards, 2).map((x) => x.id)).toEqual(["B", "b"]);
  });

  it("returns at most n cards, all of them when n is larger", () => {
    const cards = [c("a", 0.1, 0), c("b", 0.2, 0), c("c", 0.3, 0)];
    expect(pickWeakest(cards, 2).map((x) => x.id)).toEqual(["a", "b"]);
    expect(pickWeakest(cards, 10)).toHaveLength(3);
  });

  it("returns nothing for n <= 0 or NaN, however many cards there are", () => {
    // Three cards: a negative n must not count from the end (slice(0, -1) keeps two).
    const cards = [c("a", 0.1, 0), c("b", 0.2, 0), c("c", 0.3, 0)];
    expect(pickWeakest(cards, 0)).toEqual([]);
    expect(pickWeakest(cards, -1)).toEqual([]);
    expect(pickWeakest(cards, -2.5)).toEqual([]);
    expect(pickWeakest(cards, Number.NaN)).toEqual([]);
  });

  it("rounds a fractional n down", () => {
    const cards = [c("a", 0.1, 0), c("b", 0.2, 0), c("c", 0.3, 0)];
    expect(pickWeakest(cards, 2.9).map((x) => x.id)).toEqual(["a", "b"]);
    expect(pickWeakest(cards, 0.5)).toEqual([]);
  });

  it("breaks ties by id when the tied cards arrive in reverse id order", () => {
    const cards = [c("d", 0.5, 2), c("c", 0.5, 2), c("b", 0.5, 2), c("a", 0.5, 2)];
    expect(pickWeakest(cards, 4).map((x) => x.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("treats an unknown (NaN) retrievability as the weakest", () => {
    const cards = [c("a", 0.1, 0), c("b", Number.NaN, 0)];
    expect(pickWeakest(cards, 2).map((x) => x.id)).toEqual(["b", "a"]);
  });

  it("keeps the caller's extra fields and leaves the input untouched", () => {
    const cards = [{ ...c("a", 0.9, 0), prompt: "p" }, { ...c("b", 0.1, 0), prompt: "q" }];
    const before = structuredClone(cards);
    expect(pickWeakest(cards, 1)).toEqual([{ id: "b", retrievability: 0.1, lapses: 0, prompt: "q" }]);
    expect(cards).toEqual(before);
  });
});

describe("compareIds", () => {
  it("is -1, 1 or 0 as the first id sorts before, after or with the second", () => {
    expect(compareIds("a", "b")).toBe(-1);
    expect(compareIds("b", "a")).toBe(1);
    expect(compareIds("a", "a")).toBe(0);
  });

  it("compares by UTF-16 code unit: uppercase before lowercase, a prefix first", () => {
    expect(compareIds("Z", "a")).toBe(-1);
    expect(compareIds("ab", "a")).toBe(1);
    expect(compareIds("card-10", "card-9")).toBe(-1);
  });
});
