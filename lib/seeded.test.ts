import { describe, expect, it } from "vitest";
import { createRng, hashSeed, mulberry32, randomInt, shuffle } from "./seeded";

describe("golden values (changing these reshuffles every saved quiz)", () => {
  it("hashSeed", () => {
    expect(hashSeed("recall")).toBe(4217465055);
    expect(hashSeed("")).toBe(167010153);
    expect(hashSeed("quiz-1")).toBe(1283582616);
  });

  it("createRng = reference mulberry32 over hashSeed", () => {
    const rng = createRng("recall");
    expect([rng(), rng(), rng()]).toEqual([0.7723777052015066, 0.041917993454262614, 0.10554292774759233]);
  });

  it("mulberry32 wraps a seed above 2^31 like the reference implementation", () => {
    const rng = mulberry32(0xfffffff0);
    expect([rng(), rng()]).toEqual([0.8736195750534534, 0.6622341722249985]);
  });

  it("shuffle", () => {
    expect(shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "recall")).toEqual([10, 3, 6, 7, 2, 4, 5, 9, 1, 8]);
  });
});

describe("createRng", () => {
  it("stays in [0, 1)", () => {
    const rng = createRng("range");
    for (let i = 0; i < 10_000; i++) {
      const x = rng();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it("gives unrelated streams for nearby seeds", () => {
    expect(createRng("q1")()).not.toBe(createRng("q2")());
  });
});

describe("randomInt", () => {
  it("covers exactly 0..n-1", () => {
    const rng = createRng("ints");
    const seen = new Set<number>();
    for (let i = 0; i < 1_000; i++) seen.add(randomInt(rng, 4));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe("shuffle", () => {
  const items = ["a", "b", "c", "d", "e", "f"];

  it("is deterministic for a seed", () => {
    expect(shuffle(items, "s")).toEqual(shuffle(items, "s"));
  });

  it("returns a permutation and leaves the input untouched", () => {
    const copy = [...items];
    const out = shuffle(items, "s");
    expect(out).not.toBe(items);
    expect([...out].sort()).toEqual(items);
    expect(items).toEqual(copy);
  });

  it("depends on the seed", () => {
    const orders = new Set(Array.from({ length: 20 }, (_, i) => shuffle(items, `seed-${i}`).join("")));
    expect(orders.size).toBeGreaterThan(15);
  });

  it("handles empty and single-item lists", () => {
    expect(shuffle([], "s")).toEqual([]);
    expect(shuffle([1], "s")).toEqual([1]);
  });

  it("is close to uniform over seeds (each of the 6 orders of 3 items within 15% of 1/6)", () => {
    const counts = new Map<string, number>();
    const runs = 6_000;
    for (let i = 0; i < runs; i++) {
      const key = shuffle([1, 2, 3], `uniform-${i}`).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(Math.abs(c - runs / 6)).toBeLessThan((runs / 6) * 0.15);
  });
});
