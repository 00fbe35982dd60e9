import { describe, expect, it } from "vitest";
import { zipSync } from "fflate";
import { AnkiImportError } from "./errors";
import { looksLikeZip, openPackage, unzstd } from "./package";

const enc = (s: string) => new TextEncoder().encode(s);

describe("openPackage", () => {
  it("prefers collection.anki21b over .anki21 over the .anki2 stub", () => {
    const p = openPackage(zipSync({ "collection.anki2": enc("stub"), "collection.anki21": enc("real"), media: enc("{}") }));
    expect(p.entry).toBe("collection.anki21");
    expect(new TextDecoder().decode(p.sqlite)).toBe("real");
    expect(p.fallbacks.map((f) => f.entry)).toEqual(["collection.anki2"]);
  });
  it("counts media files from the legacy JSON media map without inflating them", () => {
    const p = openPackage(zipSync({ "collection.anki21": enc("x"), media: enc('{"0":"a.png","1":"b.mp3"}'), "0": new Uint8Array(10), "1": new Uint8Array(10) }));
    expect(p.mediaFiles).toBe(2);
  });
  it("refuses a package version newer than Anki's current one (meta: PackageMetadata.version)", () => {
    expect(() => openPackage(zipSync({ "collection.anki21b": enc("x"), meta: new Uint8Array([0x08, 0x04]) }))).toThrow(/package version 4/);
  });
  it("refuses non-zip bytes", () => {
    expect(looksLikeZip(enc("hello"))).toBe(false);
    expect(() => openPackage(enc("hello"))).toThrow(AnkiImportError);
  });
});

describe("unzstd", () => {
  it("refuses data that is not zstd", () => {
    expect(() => unzstd(enc("not zstd at all"), 1 << 20, "collection.anki21b")).toThrow(/not valid zstd/);
  });
});
