import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { parseContentFile } from "./parse-content-file";

describe("parseContentFile", () => {
  it("reads the shipped document's front matter and body", () => {
    const file = path.resolve(__dirname, "../../content/russian-presence-in-latin-america.md");
    const doc = parseContentFile(fs.readFileSync(file, "utf8"), "shipped");
    expect(doc.source).toBe("RFI");
    expect(doc.publishedAt?.toISOString().slice(0, 10)).toBe("2022-02-02");
    expect(doc.language).toBe("en");
    expect(doc.text.startsWith("The Russian Presence in Latin America")).toBe(true);
    expect(doc.text).not.toContain("---");
  });

  it("names the missing field", () => {
    expect(() => parseContentFile("---\nsource: X\n---\nBody.", "a.md")).toThrow(/a\.md: front matter field "title"/);
  });

  it("rejects an empty body", () => {
    expect(() => parseContentFile("---\ntitle: T\n---\n \n", "b.md")).toThrow(/no text/);
  });
});
