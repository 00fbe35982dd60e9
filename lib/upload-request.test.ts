import { describe, expect, it } from "vitest";
import { readUpload, uploadFileName, uploadProblem } from "./upload-request";

const upload = (headers: Record<string, string>, body?: BodyInit) =>
  new Request("http://recall.test/api/import/anki", { method: "POST", headers: { host: "recall.test", "x-recall-upload": "1", ...headers }, body });

describe("file uploads", () => {
  it("refuses a cross-site upload, including Origin null and an unparsable Origin (a 403 message, never a throw)", () => {
    expect(uploadProblem(upload({ origin: "http://recall.test" }))).toBeNull();
    expect(uploadProblem(upload({}))).toBeNull();
    for (const origin of ["https://evil.example", "null", "::not a url::"]) {
      expect(uploadProblem(upload({ origin }))).toBe("Cross-site requests are not allowed.");
    }
    expect(uploadProblem(new Request("http://recall.test/x", { method: "POST", headers: { host: "recall.test" } }))).toBe("Upload the file from Recall's import page.");
  });

  it("reads at most the limit: a longer body, announced or not, is too large", async () => {
    expect(await readUpload(upload({}, new Uint8Array(10)), 10)).toHaveLength(10);
    expect(await readUpload(upload({}, new Uint8Array(11)), 10)).toBe("too-large");
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new Uint8Array(8)), c.enqueue(new Uint8Array(8)), c.close()) });
    expect(await readUpload(new Request("http://recall.test/x", { method: "POST", body: stream, duplex: "half" } as RequestInit), 10)).toBe("too-large");
  });

  it("a malformed percent-encoded file name falls back instead of throwing", () => {
    expect(uploadFileName(upload({ "x-file-name": "My%20deck.apkg" }), "package.apkg")).toBe("My deck.apkg");
    expect(uploadFileName(upload({ "x-file-name": "%E0%A4%A" }), "package.apkg")).toBe("package.apkg");
    expect(uploadFileName(upload({}), "package.apkg")).toBe("package.apkg");
  });
});
