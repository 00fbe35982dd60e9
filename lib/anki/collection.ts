// Reads an Anki collection (the SQLite database inside a package) into plain
// data. Two schemas (Anki rslib/src/storage/):
// - 11 (legacy, `schema11.sql`): note types and decks as JSON in `col.models`
//   and `col.decks`;
// - 15–18 (current, `upgrades/schema15_upgrade.sql` onward): `notetypes`,
//   `fields`, `templates` and `decks` tables, with protobuf `config`/`kind`
//   blobs and deck names whose levels are separated by \x1f.
// `notes`, `cards` and `revlog` have the same columns in both.
import Database from "better-sqlite3";
import { BinaryReader } from "@bufbuild/protobuf/wire";
import { AnkiImportError } from "./errors";

export interface AnkiTemplate {
  ord: number;
  name: string;
  qfmt: string;
  afmt: string;
}

export interface AnkiNotetype {
  id: number;
  name: string;
  /** Anki's notetype kind: cloze notetypes make one card per {{cN::…}}. */
  cloze: boolean;
  /** Field names by ordinal. */
  fields: string[];
  templates: AnkiTemplate[];
}

export interface AnkiDeck {
  id: number;
  /** Full name with levels joined by "::" (as Anki shows it). */
  name: string;
  /** A filtered (cram) deck: its cards belong to their original deck (`odid`). */
  filtered: boolean;
}

export interface AnkiNote {
  id: number;
  guid: string;
  mid: number;
  /** Tags, without the padding spaces of `notes.tags`. */
  tags: string[];
  /** Field values (HTML) by ordinal: `notes.flds` split on \x1f. */
  fields: string[];
}

/** A row of `cards` (Anki rslib storage/card): type 0 new 1 learn 2 review 3 relearn; queue −1 suspended, −2/−3 buried. */
export interface AnkiCard {
  id: number;
  nid: number;
  did: number;
  /** The original deck of a card sitting in a filtered deck, else 0. */
  odid: number;
  ord: number;
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
}

/** A row of `revlog`: id = review time in epoch ms; ease 1–4 (0 manual); type 0 learn 1 review 2 relearn 3 filtered 4 manual; time = ms spent. */
export interface AnkiRevlog {
  id: number;
  cid: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

export interface AnkiCollection {
  schema: number;
  /** Collection creation, epoch seconds: review cards' `due` counts days from it. */
  crt: number;
  notetypes: Map<number, AnkiNotetype>;
  decks: Map<number, AnkiDeck>;
  notes: AnkiNote[];
  cards: AnkiCard[];
  revlog: AnkiRevlog[];
}

/** The first field of the single note in the stub collection that recent Anki writes beside the real one. */
export const LEGACY_STUB_TEXT = "Please update to the latest Anki version";

const REQUIRED_TABLES = ["col", "notes", "cards", "revlog"];

function open(sqlite: Uint8Array): Database.Database {
  try {
    const bytes = Buffer.from(sqlite);
    // Anki keeps its collection in WAL mode (header bytes 18–19 = 2), and
    // SQLite cannot open a WAL database from memory: mark the copy as a
    // rollback-journal database (1), which changes nothing of its content.
    if (bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
    const db = new Database(bytes);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length) {
      db.close();
      throw new AnkiImportError("not-anki", `This package's database is not an Anki collection (no ${missing.join(", ")} table).`);
    }
    return db;
  } catch (e) {
    if (e instanceof AnkiImportError) throw e;
    throw new AnkiImportError("corrupt", "This package's collection is not a readable SQLite database: it is damaged or not from Anki.");
  }
}

/** True when the collection is the "Please update to the latest Anki version" stub. */
export function isLegacyStub(sqlite: Uint8Array): boolean {
  const db = open(sqlite);
  try {
    const notes = db.prepare("SELECT flds FROM notes LIMIT 2").all() as { flds: string }[];
    return notes.length === 1 && String(notes[0]!.flds).startsWith(LEGACY_STUB_TEXT);
  } finally {
    db.close();
  }
}

/** Reads a whole collection. Throws AnkiImportError for a non-Anki or unknown-schema database. */
export function readCollection(sqlite: Uint8Array): AnkiCollection {
  const db = open(sqlite);
  try {
    const col = db.prepare("SELECT ver, crt, models, decks FROM col LIMIT 1").get() as { ver: number; crt: number; models: string; decks: string } | undefined;
    if (!col) throw new AnkiImportError("not-anki", "This Anki collection is empty: its col table has no row.");
    const schema = Number(col.ver);
    const hasTables = Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'").get());
    let notetypes: Map<number, AnkiNotetype>;
    let decks: Map<number, AnkiDeck>;
    if (schema === 11 && !hasTables) {
      notetypes = legacyNotetypes(col.models);
      decks = legacyDecks(col.decks);
    } else if (schema >= 15 && schema <= 18 && hasTables) {
      notetypes = tableNotetypes(db);
      decks = tableDecks(db);
    } else {
      throw new AnkiImportError("unknown-schema", `This collection uses Anki schema ${schema}, which Recall does not know (it reads schemas 11 and 15 to 18).`);
    }
    const notes = (db.prepare("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id").raw().all() as [number, string, number, string, string][]).map(
      ([id, guid, mid, tags, flds]) => ({ id, guid: String(guid), mid, tags: String(tags).trim().split(/\s+/).filter(Boolean), fields: String(flds).split("\x1f") }),
    );
    const cards = db
      .prepare("SELECT id, nid, did, odid, ord, type, queue, due, ivl, factor, reps, lapses FROM cards ORDER BY nid, ord")
      .all() as AnkiCard[];
    const revlog = db.prepare("SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY cid, id").all() as AnkiRevlog[];
    return { schema, crt: Number(col.crt), notetypes, decks, notes, cards, revlog };
  } catch (e) {
    if (e instanceof AnkiImportError) throw e;
    throw new AnkiImportError("not-anki", `This collection cannot be read as an Anki collection (${e instanceof Error ? e.message : String(e)}).`);
  } finally {
    db.close();
  }
}

function parseJson(text: string, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === "object") return value as Record<string, unknown>;
  } catch {
    /* refused below */
  }
  throw new AnkiImportError("not-anki", `This collection's ${what} (col.${what}) are not valid JSON.`);
}

function legacyNotetypes(models: string): Map<number, AnkiNotetype> {
  const out = new Map<number, AnkiNotetype>();
  for (const raw of Object.values(parseJson(models, "models"))) {
    const m = raw as { id: number | string; name: string; type: number; flds: { name: string; ord: number }[]; tmpls: { name: string; ord: number; qfmt: string; afmt: string }[] };
    const fields: string[] = [];
    for (const f of m.flds ?? []) fields[f.ord] = String(f.name);
    out.set(Number(m.id), {
      id: Number(m.id),
      name: String(m.name),
      cloze: m.type === 1,
      fields,
      templates: (m.tmpls ?? []).map((t) => ({ ord: t.ord, name: String(t.name), qfmt: String(t.qfmt ?? ""), afmt: String(t.afmt ?? "") })),
    });
  }
  return out;
}

function legacyDecks(decks: string): Map<number, AnkiDeck> {
  const out = new Map<number, AnkiDeck>();
  for (const raw of Object.values(parseJson(decks, "decks"))) {
    const d = raw as { id: number | string; name: string; dyn?: number };
    out.set(Number(d.id), { id: Number(d.id), name: String(d.name), filtered: d.dyn === 1 });
  }
  return out;
}

/** Reads the given fields of a protobuf message: varints as numbers, length-delimited as UTF-8 strings. */
function protoFields(blob: Uint8Array | null, wanted: Record<number, "varint" | "string" | "present">): Map<number, number | string | true> {
  const out = new Map<number, number | string | true>();
  if (!blob || blob.length === 0) return out;
  const reader = new BinaryReader(blob);
  while (reader.pos < reader.len) {
    const [field, wireType] = reader.tag();
    const as = wanted[field];
    if (as === "varint" && wireType === 0) out.set(field, reader.int32());
    else if (as === "string" && wireType === 2) out.set(field, reader.string());
    else {
      if (as === "present") out.set(field, true);
      reader.skip(wireType);
    }
  }
  return out;
}

function tableNotetypes(db: Database.Database): Map<number, AnkiNotetype> {
  const out = new Map<number, AnkiNotetype>();
  // Notetype.Config field 1: kind (0 normal, 1 cloze) — proto/anki/notetypes.proto.
  for (const row of db.prepare("SELECT id, name, config FROM notetypes").all() as { id: number; name: string; config: Uint8Array }[]) {
    out.set(row.id, { id: row.id, name: row.name, cloze: protoFields(row.config, { 1: "varint" }).get(1) === 1, fields: [], templates: [] });
  }
  for (const row of db.prepare("SELECT ntid, ord, name FROM fields ORDER BY ntid, ord").all() as { ntid: number; ord: number; name: string }[]) {
    const nt = out.get(row.ntid);
    if (nt) nt.fields[row.ord] = row.name;
  }
  // Template.Config field 1: q_format, field 2: a_format.
  for (const row of db.prepare("SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord").all() as { ntid: number; ord: number; name: string; config: Uint8Array }[]) {
    const nt = out.get(row.ntid);
    if (!nt) continue;
    const cfg = protoFields(row.config, { 1: "string", 2: "string" });
    nt.templates.push({ ord: row.ord, name: row.name, qfmt: String(cfg.get(1) ?? ""), afmt: String(cfg.get(2) ?? "") });
  }
  return out;
}

function tableDecks(db: Database.Database): Map<number, AnkiDeck> {
  const out = new Map<number, AnkiDeck>();
  // Deck.kind is a oneof: field 1 normal, field 2 filtered — proto/anki/decks.proto.
  for (const row of db.prepare("SELECT id, name, kind FROM decks").all() as { id: number; name: string; kind: Uint8Array }[]) {
    out.set(row.id, { id: row.id, name: row.name.split("\x1f").join("::"), filtered: protoFields(row.kind, { 2: "present" }).has(2) });
  }
  return out;
}
