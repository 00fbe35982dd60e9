// Opens an Anki package (.apkg / .colpkg) and returns the SQLite bytes of the
// collection inside it. Pure (no I/O): the caller hands over the file's bytes.
//
// Layouts (Anki rslib/src/import_export/package/):
// - legacy: `collection.anki21` (or `collection.anki2` from Anki < 2.1), schema 11;
// - current (PackageMetadata version 3): `collection.anki21b`, the SQLite file
//   compressed with zstd, beside a `collection.anki2` stub whose only note says
//   "Please update to the latest Anki version…".
// The newest collection in the zip is read; the stub is never imported.
import { Unzip, UnzipInflate, type UnzipFile } from "fflate";
import { Decompress } from "fzstd";
import { BinaryReader } from "@bufbuild/protobuf/wire";
import { concatBytes } from "../bytes";
import { AnkiImportError } from "./errors";

import { MAX_COLLECTION_BYTES, MAX_PACKAGE_BYTES } from "./limits";
export { MAX_COLLECTION_BYTES, MAX_PACKAGE_BYTES };
/** Largest `media` / `meta` entry read, in bytes: they list names, never hold media. */
const MAX_SMALL_ENTRY_BYTES = 32 * 1024 * 1024;

const COLLECTION_NAMES = ["collection.anki21b", "collection.anki21", "collection.anki2"] as const;
type CollectionName = (typeof COLLECTION_NAMES)[number];

export interface OpenedPackage {
  /** Which collection file was read. */
  entry: CollectionName;
  /** The uncompressed SQLite database. */
  sqlite: Uint8Array;
  /** Other collection files present (e.g. the legacy stub), in preference order. */
  fallbacks: { entry: CollectionName; sqlite: Uint8Array }[];
  /** Media files the package carries (never imported: counted for the learner). */
  mediaFiles: number;
}

const mb = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} kB`);

/** True when the bytes start like a zip archive ("PK\x03\x04", or an empty archive "PK\x05\x06"). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/**
 * Unpacks the entries Recall reads (collections, `media`, `meta`), counting
 * the bytes actually inflated so that a lying size header cannot exhaust
 * memory. Other entries (the media files, named 0, 1, 2, …) are never inflated.
 * Throws AnkiImportError: not a zip, corrupt, too large unpacked.
 */
function unzipWanted(bytes: Uint8Array, maxCollection: number): { files: Map<string, Uint8Array>; otherEntries: number } {
  if (!looksLikeZip(bytes)) throw new AnkiImportError("not-zip", "This file is not an Anki package: .apkg and .colpkg files are zip archives, and this one is not.");
  const files = new Map<string, Uint8Array>();
  let otherEntries = 0;
  let failure: AnkiImportError | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    const name = file.name;
    const wanted = (COLLECTION_NAMES as readonly string[]).includes(name) || name === "media" || name === "meta";
    if (!wanted || files.has(name)) {
      otherEntries++;
      return;
    }
    const limit = name.startsWith("collection.") ? maxCollection : MAX_SMALL_ENTRY_BYTES;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = new AnkiImportError("corrupt", `This package is damaged: ${name} cannot be unpacked (${err.message}).`);
        return;
      }
      size += data.length;
      if (size > limit) {
        failure = new AnkiImportError("too-large-unpacked", `This package unpacks to more than ${mb(limit)} (${name}): Recall stops there.`);
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) files.set(name, concatBytes(chunks, size));
    };
    file.start();
  };
  const CHUNK = 1 << 20;
  try {
    for (let i = 0; i < bytes.length && !failure; i += CHUNK) unzip.push(bytes.subarray(i, i + CHUNK), i + CHUNK >= bytes.length);
  } catch (e) {
    failure ??= new AnkiImportError("corrupt", `This package is damaged and cannot be unpacked (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (failure) throw failure;
  return { files, otherEntries };
}

/** zstd-decompresses `data`, refusing output past `limit` bytes (a zstd bomb). */
export function unzstd(data: Uint8Array, limit: number, what: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = new Decompress((chunk) => {
    size += chunk.length;
    if (size > limit) throw new AnkiImportError("too-large-unpacked", `This package unpacks to more than ${mb(limit)} (${what}): Recall stops there.`);
    chunks.push(chunk.slice()); // fzstd reuses its window buffer between calls
  });
  try {
    const CHUNK = 1 << 20;
    for (let i = 0; i < data.length; i += CHUNK) stream.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    if (data.length === 0) throw new Error("empty");
  } catch (e) {
    if (e instanceof AnkiImportError) throw e;
    throw new AnkiImportError("corrupt", `This package is damaged: ${what} is not valid zstd data.`);
  }
  return concatBytes(chunks, size);
}

/**
 * The package format version from `meta` (protobuf PackageMetadata, field 1
 * `version`: 1 legacy .anki2, 2 legacy .anki21, 3 current .anki21b), or null
 * when the package has no `meta` (legacy layout).
 */
function packageVersion(meta: Uint8Array | undefined): number | null {
  if (!meta) return null;
  try {
    const reader = new BinaryReader(meta);
    let version = 0;
    while (reader.pos < reader.len) {
      const [field, wireType] = reader.tag();
      if (field === 1 && wireType === 0) version = reader.int32();
      else reader.skip(wireType);
    }
    return version;
  } catch {
    throw new AnkiImportError("corrupt", "This package is damaged: its meta entry cannot be read.");
  }
}

/** Number of media files the `media` entry lists: JSON `{"0": "name.jpg"}` (legacy) or zstd protobuf MediaEntries (v3). */
function countMedia(media: Uint8Array | undefined, version: number | null): number {
  if (!media || media.length === 0) return 0;
  try {
    if (version !== null && version >= 3) {
      const reader = new BinaryReader(unzstd(media, MAX_SMALL_ENTRY_BYTES, "media"));
      let n = 0;
      while (reader.pos < reader.len) {
        const [field, wireType] = reader.tag();
        if (field === 1) n++;
        reader.skip(wireType);
      }
      return n;
    }
    return Object.keys(JSON.parse(new TextDecoder().decode(media)) as object).length;
  } catch {
    return 0; // the media list only feeds a count; a broken one costs nothing else
  }
}

export interface PackageLimits {
  /** Largest package file, bytes. */
  maxPackage: number;
  /** Largest collection once unpacked, bytes. */
  maxCollection: number;
}

export const DEFAULT_LIMITS: PackageLimits = { maxPackage: MAX_PACKAGE_BYTES, maxCollection: MAX_COLLECTION_BYTES };

/** Opens a package's bytes: the newest collection inside, decompressed. Throws AnkiImportError. */
export function openPackage(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): OpenedPackage {
  if (bytes.length > limits.maxPackage)
    throw new AnkiImportError("too-large", `This file is ${mb(bytes.length)}; Recall imports Anki packages up to ${mb(limits.maxPackage)}.`);
  const { files, otherEntries } = unzipWanted(bytes, limits.maxCollection);
  const version = packageVersion(files.get("meta"));
  if (version !== null && version > 3)
    throw new AnkiImportError("unknown-schema", `This package was written by a newer Anki (package version ${version}); Recall reads versions 1 to 3.`);
  const found: { entry: CollectionName; sqlite: Uint8Array }[] = [];
  for (const entry of COLLECTION_NAMES) {
    const data = files.get(entry);
    if (!data) continue;
    found.push({ entry, sqlite: entry === "collection.anki21b" ? unzstd(data, limits.maxCollection, entry) : data });
  }
  if (found.length === 0)
    throw new AnkiImportError("no-collection", "This zip holds no Anki collection (collection.anki21b, collection.anki21 or collection.anki2): export it again from Anki as a deck package (.apkg) or collection package (.colpkg).");
  const mediaFiles = Math.max(countMedia(files.get("media"), version), 0) || otherEntries;
  return { entry: found[0]!.entry, sqlite: found[0]!.sqlite, fallbacks: found.slice(1), mediaFiles };
}
