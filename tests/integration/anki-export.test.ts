import { beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { db } from "@/lib/db";
import { importAnkiPackage } from "@/lib/dal/anki-import";
import { exportAnkiPackage } from "@/lib/dal/export";
import { gradeCard } from "@/lib/dal/grading";
import { makePrivateCard, makeUser } from "../support/factories";
import { buildApkg, fixture } from "../support/anki-package";

const NOW = new Date("2026-03-02T10:00:00Z");

// Every table and column of Anki's schema 11 (ankitects/anki rslib/src/storage/schema11.sql),
// and the indexes it creates: checked against the exported file without Recall's reader.
const ANKI_SCHEMA11: Record<string, string[]> = {
  col: ["id", "crt", "mod", "scm", "ver", "dty", "usn", "ls", "conf", "models", "decks", "dconf", "tags"],
  notes: ["id", "guid", "mid", "mod", "usn", "tags", "flds", "sfld", "csum", "flags", "data"],
  cards: ["id", "nid", "did", "ord", "mod", "usn", "type", "queue", "due", "ivl", "factor", "reps", "lapses", "left", "odue", "odid", "flags", "data"],
  revlog: ["id", "cid", "usn", "ease", "ivl", "lastIvl", "factor", "time", "type"],
  graves: ["usn", "oid", "type"],
};
const ANKI_INDEXES = ["ix_notes_usn", "ix_cards_usn", "ix_revlog_usn", "ix_cards_nid", "ix_cards_sched", "ix_revlog_cid", "ix_notes_csum"];

function openExport(bytes: Uint8Array): Database.Database {
  const files = unzipSync(bytes);
  expect(Object.keys(files).sort()).toEqual(["collection.anki21", "media"]);
  expect(new TextDecoder().decode(files.media)).toBe("{}");
  return new Database(Buffer.from(files["collection.anki21"]!));
}

async function cardsOf(userId: string) {
  const rows = await db.card.findMany({
    where: { document: { ownerId: userId } },
    select: { prompt: true, answer: true, type: true, document: { select: { title: true } }, states: { where: { userId }, select: { due: true, state: true, suspended: true, stability: true, difficulty: true } }, logs: { where: { userId }, orderBy: { review: "asc" }, select: { rating: true, review: true, kind: true, durationMs: true } } },
  });
  return rows
    .map((r) => ({ deck: r.document.title, prompt: r.prompt, answer: r.answer, type: r.type, state: r.states[0] ?? null, logs: r.logs }))
    .sort((a, b) => (a.deck + a.prompt + a.answer < b.deck + b.prompt + b.answer ? -1 : 1));
}

let carol: string;
let exported: Uint8Array;

beforeAll(async () => {
  carol = await makeUser("carol");
  await importAnkiPackage(carol, fixture("statistics-history.colpkg"), { now: NOW });
  await importAnkiPackage(carol, buildApkg([
    { mid: "cloze", fields: ["{{c1::Ottawa}} is the capital of {{c2::Canada}}.", ""], deck: "Geo::Capitals" },
    { mid: "typed", fields: ["Capital of France?", "Paris & <b>Île</b>"], deck: "Geo::Capitals", tags: ["europe"] },
  ]), { now: NOW });
  exported = await exportAnkiPackage(carol, { scheduling: true, now: NOW });
});

describe("the exported .apkg, checked as Anki reads it", () => {
  it("has every table, column and index of Anki's schema 11, at version 11", () => {
    const col = openExport(exported);
    for (const [table, columns] of Object.entries(ANKI_SCHEMA11)) {
      expect((col.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)).toEqual(columns);
    }
    const indexes = (col.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(ANKI_INDEXES));
    expect(col.prepare("SELECT ver FROM col").get()).toEqual({ ver: 11 });
  });

  it("holds consistent notes, cards, decks, note types and revlog rows", () => {
    const col = openExport(exported);
    const row = col.prepare("SELECT models, decks, dconf, conf FROM col").get() as Record<string, string>;
    const models = JSON.parse(row.models) as Record<string, { id: number; name: string; type: number; flds: { name: string; ord: number }[]; tmpls: { qfmt: string; afmt: string; ord: number }[]; sortf: number; css: string; req: unknown[] }>;
    const decks = JSON.parse(row.decks) as Record<string, { id: number; name: string; dyn: number; conf: number }>;
    expect(JSON.parse(row.dconf)).toHaveProperty("1");
    expect(decks["1"]?.name).toBe("Default");
    expect(Object.values(models).map((m) => m.name).sort()).toEqual(["Recall", "Recall (type in the answer)", "Recall Cloze"]);
    for (const m of Object.values(models)) {
      expect(String(m.id)).toBe(Object.keys(models).find((k) => models[k] === m));
      expect(m.tmpls.length).toBeGreaterThan(0);
      expect(typeof m.css).toBe("string");
    }
    expect(models[Object.keys(models).find((k) => models[k]!.name === "Recall")!]!.flds.map((f) => f.name)).toEqual(["Prompt", "Answer", "Source sentence", "Document", "Kind"]);
    // Every level of a nested deck exists, as Anki requires.
    const names = new Set(Object.values(decks).map((d) => d.name));
    expect(names.has("Geo") && names.has("Geo::Capitals") && names.has("Megadeck")).toBe(true);

    const notes = col.prepare("SELECT id, guid, mid, flds, sfld, csum, tags FROM notes").all() as { id: number; guid: string; mid: number; flds: string; sfld: string; csum: number; tags: string }[];
    for (const n of notes) {
      const m = models[String(n.mid)]!;
      expect(m).toBeDefined();
      expect(n.flds.split("\x1f")).toHaveLength(m.flds.length);
      expect(n.csum).toBe(parseInt(createHash("sha1").update(String(n.sfld)).digest("hex").slice(0, 8), 16));
      expect(n.tags === "" || (n.tags.startsWith(" ") && n.tags.endsWith(" "))).toBe(true);
    }
    expect(new Set(notes.map((n) => n.guid)).size).toBe(notes.length);
    const orphanCards = col.prepare("SELECT count(*) n FROM cards WHERE nid NOT IN (SELECT id FROM notes)").get() as { n: number };
    expect(orphanCards.n).toBe(0);
    const dids = (col.prepare("SELECT DISTINCT did FROM cards").all() as { did: number }[]).map((r) => String(r.did));
    for (const did of dids) expect(decks[did]).toBeDefined();
    expect((col.prepare("SELECT count(*) n FROM revlog WHERE cid NOT IN (SELECT id FROM cards)").get() as { n: number }).n).toBe(0);
    expect((col.prepare("SELECT count(*) n FROM revlog").get() as { n: number }).n).toBe(6770);
    expect((col.prepare("SELECT count(*) n FROM cards WHERE queue = -1").get() as { n: number }).n).toBe(9);
    const cloze = notes.find((n) => n.flds.includes("{{c1::"))!;
    expect(cloze.flds.split("\x1f")[0]).toMatch(/\{\{c1::(Ottawa|Canada)\}\}/);
    expect(notes.some((n) => n.flds.includes("Paris &amp; Île"))).toBe(true);
  });
});

describe("round trip: export → import into a new account", () => {
  it("gives the same cards in the same decks with the same history and the same FSRS memory states", async () => {
    const dave = await makeUser("dave");
    const summary = await importAnkiPackage(dave, exported, { now: NOW });
    expect(summary.cards).toBe(1215 + 3);
    expect(summary.reviewLogs).toBe(6770);
    const [a, b] = [await cardsOf(carol), await cardsOf(dave)];
    expect(b.map((c) => [c.deck, c.prompt, c.answer, c.type])).toEqual(a.map((c) => [c.deck, c.prompt, c.answer, c.type]));
    expect(b.map((c) => c.logs.map((l) => [l.rating, l.review.getTime(), l.kind, l.durationMs]))).toEqual(a.map((c) => c.logs.map((l) => [l.rating, l.review.getTime(), l.kind, Math.min(l.durationMs ?? 0, 60_000)])));
    // Stability and difficulty follow from the review times alone. The due date also carries the interval's
    // fuzz, which is seeded by the card's id (Anki rslib get_fuzz_seed): the re-imported cards are new cards
    // with new ids, so their due dates may differ within the fuzz range.
    const memory = (c: Awaited<ReturnType<typeof cardsOf>>[number]) => c.state && [c.state.stability.toFixed(6), c.state.difficulty.toFixed(6), c.state.state, c.state.suspended];
    expect(b.map(memory)).toEqual(a.map(memory));
  });

  it("without scheduling, every card is new and no history is written", async () => {
    const col = openExport(await exportAnkiPackage(carol, { scheduling: false, now: NOW }));
    expect((col.prepare("SELECT count(*) n FROM revlog").get() as { n: number }).n).toBe(0);
    expect((col.prepare("SELECT count(*) n FROM cards WHERE type != 0").get() as { n: number }).n).toBe(0);
  });
});

describe("an export holds only the learner's own data", () => {
  it("another learner's private cards, states and history never appear", async () => {
    const erin = await makeUser("erin");
    const secret = await makePrivateCard(carol);
    await gradeCard(carol, { cardId: secret.cardId, version: 0, grade: "good" }, NOW);
    const col = openExport(await exportAnkiPackage(erin, { scheduling: true, now: NOW }));
    expect((col.prepare("SELECT count(*) n FROM notes").get() as { n: number }).n).toBe(0);
    expect((col.prepare("SELECT count(*) n FROM revlog").get() as { n: number }).n).toBe(0);
  });
});
