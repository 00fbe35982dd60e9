// Builds small Anki packages for tests (schema 11 written with better-sqlite3,
// zipped with fflate), including broken ones for the bad-input tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { zipSync } from "fflate";
import { sharedDir } from "./shared-dir";

/** A real Anki package from the shared folder (tests/support/shared-dir.ts). */
export const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(sharedDir(), "fixtures", "anki", name)));

const SCHEMA11 = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);`;

export interface TestNote {
  mid: "basic" | "reversed" | "typed" | "cloze";
  fields: string[];
  tags?: string[];
  deck?: string;
  /** queue of every card of the note (0 new, -1 suspended, -2 buried). */
  queue?: number;
  /** reviews of the first card: [epoch ms, ease] */
  reviews?: [number, number][];
}

const MODELS = {
  basic: { id: 1001, name: "Basic", type: 0, flds: ["Front", "Back"], tmpls: [["{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"]] },
  reversed: {
    id: 1002,
    name: "Basic (and reversed card)",
    type: 0,
    flds: ["Front", "Back"],
    tmpls: [
      ["{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"],
      ["{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}"],
    ],
  },
  typed: { id: 1003, name: "Basic (type in the answer)", type: 0, flds: ["Front", "Back"], tmpls: [["{{Front}}\n\n{{type:Back}}", "{{Front}}<hr id=answer>{{type:Back}}"]] },
  cloze: { id: 1004, name: "Cloze", type: 1, flds: ["Text", "Back Extra"], tmpls: [["{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}"]] },
} as const;

/** SQLite bytes of a schema-11 collection holding `notes` (cards made as Anki would). */
export function buildCollection(notes: TestNote[], opts: { ver?: number; guidPrefix?: string } = {}): Uint8Array {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "anki-")), "collection.anki21");
  const db = new Database(file);
  db.exec(SCHEMA11);
  const models = Object.fromEntries(
    Object.values(MODELS).map((m) => [
      m.id,
      { id: m.id, name: m.name, type: m.type, flds: m.flds.map((name, ord) => ({ name, ord })), tmpls: m.tmpls.map(([qfmt, afmt], ord) => ({ name: `Card ${ord + 1}`, ord, qfmt, afmt })) },
    ]),
  );
  const deckIds = new Map<string, number>([["Default", 1]]);
  for (const n of notes) if (n.deck && !deckIds.has(n.deck)) deckIds.set(n.deck, 2000 + deckIds.size);
  const decks = Object.fromEntries([...deckIds].map(([name, id]) => [id, { id, name, dyn: 0 }]));
  db.prepare("INSERT INTO col VALUES (1, 1600000000, 0, 0, ?, 0, 0, 0, '{}', ?, ?, '{}', '{}')").run(opts.ver ?? 11, JSON.stringify(models), JSON.stringify(decks));
  const insNote = db.prepare("INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')");
  const insCard = db.prepare("INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')");
  const insRev = db.prepare("INSERT INTO revlog VALUES (?, ?, 0, ?, 1, 0, 2500, 5000, 1)");
  let cardId = 1;
  let revId = 0;
  db.transaction(() => {
    notes.forEach((n, i) => {
      const m = MODELS[n.mid];
      const nid = i + 1;
      insNote.run(nid, `${opts.guidPrefix ?? "g"}${nid}`, m.id, n.tags?.length ? ` ${n.tags.join(" ")} ` : "", n.fields.join("\x1f"));
      const ords = m.type === 1 ? [...new Set([...n.fields[0]!.matchAll(/\{\{c(\d+)::/g)].map((x) => Number(x[1]) - 1))] : m.tmpls.map((_, ord) => ord);
      ords.forEach((ord, k) => {
        const cid = cardId++;
        const reviewed = k === 0 && n.reviews?.length;
        insCard.run(cid, nid, deckIds.get(n.deck ?? "Default")!, ord, reviewed ? 2 : 0, n.queue ?? (reviewed ? 2 : 0));
        if (k === 0) for (const [at, ease] of n.reviews ?? []) insRev.run(Math.max(at, ++revId), cid, ease);
      });
    });
  })();
  db.pragma("journal_mode = DELETE");
  db.close();
  return new Uint8Array(fs.readFileSync(file));
}

/** A zip with the given entries (name → bytes or text). */
export function zip(entries: Record<string, Uint8Array | string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === "string" ? new TextEncoder().encode(v) : v])));
}

/** A legacy .apkg holding `notes`. */
export function buildApkg(notes: TestNote[], opts: { guidPrefix?: string } = {}): Uint8Array {
  return zip({ "collection.anki21": buildCollection(notes, opts), media: "{}" });
}
