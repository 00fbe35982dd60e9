import { describe, expect, it } from "vitest";
import { z } from "zod";
import { IdSchema, isCleanText, userText } from "./text";

describe("text validation", () => {
  it("accepts cuids and refuses anything else as an id", () => {
    expect(IdSchema.safeParse("cmwzxkh4b00006y7dvhz8vvpa").success).toBe(true);
    for (const bad of ["", "card\uD83D", "a b", "x".repeat(65), "1; DROP TABLE"]) expect(IdSchema.safeParse(bad).success).toBe(false);
  });

  it("refuses lone surrogates and NUL, keeps emoji, accents and right-to-left text", () => {
    expect(isCleanText("In 1990 \uD83D")).toBe(false);
    expect(isCleanText("a\u0000b")).toBe(false);
    expect(isCleanText("Piñera 🎉 مرحبا\nline two\tok")).toBe(true);
  });

  it("refuses prompts with nothing visible, and trims the rest", () => {
    const prompt = userText("a prompt", 100);
    expect(prompt.safeParse("\u200B\u200B").success).toBe(false);
    expect(prompt.safeParse("   ").success).toBe(false);
    expect(prompt.parse("  When?  ")).toBe("When?");
    expect(prompt.safeParse("x".repeat(101)).error?.issues[0].message).toBe("Keep a prompt under 100 characters.");
  });
});

describe("user text and ids: each refusal says why", () => {
  const answer = userText("an answer", 50);
  const message = (schema: z.ZodType, v: unknown) => schema.safeParse(v).error?.issues[0].message;

  it.each<[unknown, string]>([
    [undefined, "Enter an answer."],
    [42, "Enter an answer."],
    ["   ", "Enter an answer."],
    ["x".repeat(51), "Keep an answer under 50 characters."],
    ["a\u0000b", "An answer contains characters that are not text."],
    ["\u200B\u200B", "An answer has no visible characters."],
  ])("%j → %s", (value, expected) => {
    expect(message(answer, value)).toBe(expected);
  });

  it("an id that is not one is refused with a message", () => {
    expect(message(IdSchema, "a b")).toBe("That id could not be read.");
  });
});
