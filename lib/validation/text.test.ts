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

// Schemas are built inside each test, so that mutation testing sees the test run userText.
describe("user text and ids: each refusal says why", () => {
  const message = (schema: z.ZodType, v: unknown) => schema.safeParse(v).error?.issues[0].message;

  it.each<[unknown, string]>([
    [undefined, "Enter an answer."],
    [42, "Enter an answer."],
    ["   ", "Enter an answer."],
    ["x".repeat(51), "Keep an answer under 50 characters."],
    ["a\u0000b", "An answer contains characters that are not text."],
    ["\u200B\u200B", "An answer has no visible characters."],
  ])("%j → %s", (value, expected) => {
    expect(message(userText("an answer", 50), value)).toBe(expected);
  });

  it("words each message for the kind of text it is", () => {
    const prompt = userText("a prompt", 10);
    expect([undefined, "   ", "x".repeat(11), "a\u0000b", "\u200B"].map((v) => message(prompt, v))).toEqual([
      "Enter a prompt.",
      "Enter a prompt.",
      "Keep a prompt under 10 characters.",
      "A prompt contains characters that are not text.",
      "A prompt has no visible characters.",
    ]);
  });

  it("an id that is not one is refused with a message", () => {
    expect(message(IdSchema, "a b")).toBe("That id could not be read.");
  });
});

describe("isCleanText: the control characters refused are exactly C0 (but tab, LF, CR) and DEL", () => {
  it.each([0x00, 0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1f, 0x7f])("U+%s is refused", (code) => {
    expect(isCleanText(`a${String.fromCharCode(code)}b`)).toBe(false);
  });
  it.each([0x09, 0x0a, 0x0d, 0x20, 0x7e, 0x80, 0xa0])("U+%s is kept", (code) => {
    expect(isCleanText(`a${String.fromCharCode(code)}b`)).toBe(true);
  });
  it("refuses a lone low surrogate too, keeps a whole astral character", () => {
    expect(isCleanText("a\uDE00b")).toBe(false);
    expect(isCleanText("a\uD83D\uDE00b")).toBe(true);
  });
});

describe("userText: something visible is a letter, digit, symbol or punctuation mark", () => {
  it.each(["é", "7", "€", "+", "?", "漢", "٣"])("%j alone is an answer", (v) => {
    expect(userText("an answer", 50).parse(v)).toBe(v);
  });
  it("keeps exactly max characters, and words the limit with thousands separators", () => {
    expect(userText("an answer", 50).parse("x".repeat(50))).toBe("x".repeat(50));
    expect(userText("a prompt", 2000).safeParse("x".repeat(2001)).error?.issues[0].message).toBe("Keep a prompt under 2,000 characters.");
  });
});
