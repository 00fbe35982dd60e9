import { describe, expect, it } from "vitest";
import { decodeUpload, DocumentMetaSchema, documentTextProblem, MAX_DOCUMENT_CHARS, MAX_UPLOAD_BYTES } from "./document";

// The exact words a learner reads when a document is refused.
const EMPTY = "The document is empty: paste some text or choose a file.";
const BINARY = "This looks like a binary file, not text. Upload a .txt or .md file.";
const BROKEN = "The text contains broken or control characters. Save it as UTF-8 plain text and try again.";
const HTML = "The text contains HTML or script. Paste plain text (or Markdown) instead.";

describe("documentTextProblem: why a text cannot be a document", () => {
  it("accepts plain text and Markdown, with tabs, newlines and comparisons", () => {
    expect(documentTextProblem("# Fisheries\n\nExports rose by 12%\tin 2022.\r\nIf a < b and c > d, onions = 3.")).toBeNull();
  });

  it("refuses an empty or blank text", () => {
    expect(documentTextProblem("")).toBe(EMPTY);
    expect(documentTextProblem(" \n\t ")).toBe(EMPTY);
  });

  it("refuses more than MAX_DOCUMENT_CHARS characters, saying how many there are", () => {
    expect(MAX_DOCUMENT_CHARS).toBe(200_000);
    expect(documentTextProblem("a".repeat(MAX_DOCUMENT_CHARS))).toBeNull();
    expect(documentTextProblem("a".repeat(MAX_DOCUMENT_CHARS + 1))).toBe("The document is too long (200,001 characters): the limit is 200,000.");
  });

  it("calls it binary on a NUL, or when more than 1% of it is control or replacement characters", () => {
    expect(documentTextProblem("text\u0000more")).toBe(BINARY);
    const hundred = (bad: string, n: number) => bad.repeat(n) + "a".repeat(100 - n);
    expect(documentTextProblem(hundred("\u0001", 2))).toBe(BINARY);
    expect(documentTextProblem(hundred("\uFFFD", 2))).toBe(BINARY);
    // Exactly 1%: not binary, but a control character is still refused.
    expect(documentTextProblem(hundred("\u0001", 1))).toBe(BROKEN);
    // A replacement character alone is text (a learner may paste one).
    expect(documentTextProblem(hundred("\uFFFD", 1))).toBeNull();
    // Tabs, newlines and carriage returns are not control characters here.
    expect(documentTextProblem(hundred("\t\n\r", 30))).toBeNull();
  });

  it("refuses half an emoji (a lone surrogate) as broken", () => {
    expect(documentTextProblem("In 1990 \uD83D the treaty")).toBe(BROKEN);
  });

  it("refuses HTML tags and event handlers, not words that look like them", () => {
    expect(documentTextProblem("Hello <script>alert(1)</script>")).toBe(HTML);
    expect(documentTextProblem("A picture: <img src=x>")).toBe(HTML);
    expect(documentTextProblem("Bold <b onclick=\"x()\">text</b>")).toBe(HTML);
    expect(documentTextProblem("Bold <b>text</b>")).toBeNull();
    expect(documentTextProblem("online = true, and the onset was slow")).toBeNull();
  });
});

describe("decodeUpload: UTF-8 .txt or .md files only", () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it("reads .txt, .md and .markdown files, in any case, dropping a byte order mark", () => {
    for (const name of ["notes.txt", "NOTES.TXT", "a.md", "a.markdown"]) expect(decodeUpload(name, utf8("Piñera")), name).toEqual({ text: "Piñera" });
    expect(decodeUpload("bom.txt", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("hi")]))).toEqual({ text: "hi" });
  });

  it("refuses other kinds of file by name", () => {
    for (const name of ["a.pdf", "a.txt.exe", "txt", "a.mdx"]) expect(decodeUpload(name, utf8("x")), name).toEqual({ error: "Upload a .txt or .md file." });
  });

  it("refuses a file over MAX_UPLOAD_BYTES, and reads one of exactly that size", () => {
    expect(MAX_UPLOAD_BYTES).toBe(1_000_000);
    expect(decodeUpload("a.txt", new Uint8Array(MAX_UPLOAD_BYTES).fill(0x61))).toEqual({ text: "a".repeat(MAX_UPLOAD_BYTES) });
    expect(decodeUpload("a.txt", new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61))).toEqual({ error: "The file is too large: the limit is 200,000 characters." });
  });

  it("refuses bytes that are not UTF-8", () => {
    expect(decodeUpload("latin1.txt", new Uint8Array([0x50, 0x69, 0xf1, 0x65]))).toEqual({ error: "This file is not UTF-8 text. Save it as UTF-8 plain text and upload it again." });
  });
});

describe("DocumentMetaSchema: the title and published date", () => {
  const issues = (v: unknown) => DocumentMetaSchema.safeParse(v).error?.issues.map((i) => [i.path.join("."), i.message]);

  it("trims the title and reads a missing or empty date as none", () => {
    expect(DocumentMetaSchema.parse({ title: "  Fisheries  " })).toEqual({ title: "Fisheries", publishedAt: null });
    expect(DocumentMetaSchema.parse({ title: "Fisheries", publishedAt: "  " })).toEqual({ title: "Fisheries", publishedAt: null });
  });

  it("asks for a title that is missing or blank, and refuses a long one", () => {
    expect(issues({})).toEqual([["title", "Give the document a title."]]);
    expect(issues({ title: "   " })).toEqual([["title", "Give the document a title."]]);
    expect(DocumentMetaSchema.safeParse({ title: "t".repeat(200) }).success).toBe(true);
    expect(issues({ title: "t".repeat(201) })).toEqual([["title", "Keep the title under 200 characters."]]);
  });

  it("refuses HTML, control characters and broken text in the title", () => {
    for (const title of ["<b>Fisheries</b>", "a > b", "Fish\u0007eries", "Fish\u007Feries", "In 1990 \uD83D"]) {
      expect(issues({ title }), JSON.stringify(title)).toEqual([["title", "The title cannot contain HTML or control characters."]]);
    }
    expect(DocumentMetaSchema.safeParse({ title: "Piñera & the 12% rise 🎉" }).success).toBe(true);
  });

  it("reads the published date as YYYY-MM-DD, at midnight UTC, and refuses dates that do not exist", () => {
    expect(DocumentMetaSchema.parse({ title: "t", publishedAt: " 2024-02-29 " }).publishedAt).toEqual(new Date("2024-02-29T00:00:00Z"));
    for (const publishedAt of ["2023-02-29", "2024-13-01", "2024-2-3", "29/02/2024", "2024-02-29T10:00", "yesterday", "0000-00-00"]) {
      expect(issues({ title: "t", publishedAt }), publishedAt).toEqual([["publishedAt", "Enter the published date as YYYY-MM-DD."]]);
    }
  });
});
