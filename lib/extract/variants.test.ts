import { describe, expect, it } from "vitest";
import { acceptedVariants } from "./variants";
import type { Entity } from "./entities";

const person: Entity = { id: "person:x", type: "person", name: "Sebastian Piñera", variants: ["Sebastian Piñera"], count: 1, first: 0 };

describe("accepted variants", () => {
  it("accepts numbers without separators and percent spelled out", () => {
    expect(acceptedVariants("3,000", { t: "number", value: 3000, unit: "soldiers", style: "digits", format: "plain" }, undefined, "")).toContain("3000");
    expect(acceptedVariants("80%", { t: "number", value: 80, unit: "%", style: "digits", format: "percent" }, undefined, "")).toEqual(
      expect.arrayContaining(["80 percent", "80 per cent"]),
    );
  });

  it("accepts digits for number words and ordinals", () => {
    expect(acceptedVariants("ten years", { t: "number", value: 10, unit: "year", style: "words", format: "duration" }, undefined, "")).toContain("10 years");
    expect(acceptedVariants("second", { t: "number", value: 2, unit: "rank", style: "words", format: "ordinal" }, undefined, "")).toContain("2nd");
  });

  it("accepts a surname and the name without accents", () => {
    const v = acceptedVariants("Sebastian Piñera", { t: "entity", entityId: "person:x" }, person, "");
    expect(v).toEqual(expect.arrayContaining(["Piñera", "Pinera", "Sebastian Pinera"]));
  });

  it("accepts the items of a list in another order", () => {
    expect(acceptedVariants("security and energy", { t: "phrase" }, undefined, "")).toContain("energy and security");
  });

  it("never reorders words coordinated inside one phrase (unlike items are not a list)", () => {
    const inPhrase = acceptedVariants("the line between trade and aid", { t: "phrase" }, undefined, "");
    expect(inPhrase.some((v) => /aid and the line|line between trade, aid/.test(v))).toBe(false);
    const adjectives = acceptedVariants("open and permanent naval base", { t: "phrase" }, undefined, "");
    expect(adjectives).not.toContain("permanent naval base and open");
    expect(acceptedVariants("plant, water and harvest", { t: "phrase" }, undefined, "")).toContain("harvest and water and plant");
  });

  it("accepts a span of years however it is written, a hyphen split by a line break included", () => {
    const v = acceptedVariants("1996- 02", { t: "phrase" }, undefined, "");
    expect(v).toEqual(expect.arrayContaining(["1996-02", "1996–2002", "1996 to 2002"]));
    expect(acceptedVariants("1996-2002", { t: "phrase" }, undefined, "")).toContain("1996–02");
    expect(acceptedVariants("2002-1996", { t: "phrase" }, undefined, "")).not.toContain("2002 to 1996");
  });

  it("never accepts a variant the prompt shows", () => {
    const org: Entity = { id: "org:oas", type: "org", name: "OAS", variants: ["OAS", "Organization of American States"], acronym: "OAS", count: 2, first: 0 };
    const v = acceptedVariants("Organization of American States", { t: "entity", entityId: "org:oas" }, org, "There is no unity in the OAS, the ____.");
    expect(v).not.toContain("OAS");
  });
});
