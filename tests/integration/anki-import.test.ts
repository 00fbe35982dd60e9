import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getAnkiImportJob, importAnkiPackage, latestAnkiImportJob, startAnkiImport, writeImportPlan } from "@/lib/dal/anki-import";
import { AnkiImportError } from "@/lib/anki";
import { getUserSettings } from "@/lib/dal/users";
import { applyGrade, GRADES, newMemoryState, type MemoryState } from "@/lib/srs";
import { optimizerJobSettled, startOptimizerJob } from "@/lib/jobs/optimizer-runner";
import { getOptimizerJob } from "@/lib/dal/optimizer-runs";
import { makeUser } from "../support/factories";
import { buildApkg, buildCollection, fixture, zip } from "../support/anki-package";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const NOW = new Date("2026-03-02T10:00:00Z");

async function counts(userId: string) {
  const [documents, facts, cards, states, logs] = await Promise.all([
    db.document.count({ where: { ownerId: userId } }),
    db.fact.count({ where: { document: { ownerId: userId } } }),
    db.card.count({ where: { document: { ownerId: userId } } }),
    db.cardState.count({ where: { userId } }),
    db.reviewLog.count({ where: { userId } }),
  ]);
  return { documents, facts, cards, states, logs };
}

describe("importing the legacy fixture (collection.anki21 beside the 'Please update' stub)", () => {
  let alice: string;
  beforeAll(async () => {
    alice = await makeUser("alice");
  });

  it("reads the real collection, not the stub: 167 notes, 190 cards, 15 review logs, nested deck names", async () => {
    const summary = await importAnkiPackage(alice, fixture("jee-hsc-legacy.apkg"), { now: NOW });
    expect(summary).toMatchObject({ schema: 11, notes: 167, cards: 190, reviewLogs: 15, skippedNotes: 0, skippedReviewLogs: 0 });
    const c = await counts(alice);
    expect(c).toMatchObject({ facts: 167, cards: 190, logs: 15 });
    const decks = await db.document.findMany({ where: { ownerId: alice }, select: { title: true, kind: true } });
    expect(decks.map((d) => d.title).sort()).toEqual([
      "Mirage's Deck::Jee::Chemistry::Hydrogen",
      "Mirage's Deck::Jee::Chemistry::Redox",
      "Mirage's Deck::Jee::Mathematics::Matrices",
    ]);
    expect(decks.every((d) => d.kind === "deck")).toBe(true);
    expect(await db.card.count({ where: { document: { ownerId: alice }, prompt: { contains: "Please update" } } })).toBe(0);
  });

  it("keeps Basic-and-reversed notes as two sibling cards of one note, and the note's tags", async () => {
    const siblings = await db.fact.findMany({ where: { document: { ownerId: alice } }, select: { tags: true, _count: { select: { cards: true } } } });
    expect(siblings.filter((f) => f._count.cards === 2)).toHaveLength(23);
    expect(siblings.some((f) => JSON.parse(f.tags).includes("Redox"))).toBe(true);
  });

  it("a second import of the same package adds nothing and says what it skipped", async () => {
    const before = await counts(alice);
    const summary = await importAnkiPackage(alice, fixture("jee-hsc-legacy.apkg"), { now: NOW });
    expect(summary).toMatchObject({ notes: 0, cards: 0, reviewLogs: 0, skippedNotes: 167, skippedReviewLogs: 15 });
    expect(await counts(alice)).toEqual(before);
  });

  it("another learner imports the same package into decks of their own", async () => {
    const bob = await makeUser("bob");
    const summary = await importAnkiPackage(bob, fixture("jee-hsc-legacy.apkg"), { now: NOW });
    expect(summary.notes).toBe(167);
    const bobDocs = await db.document.findMany({ where: { ownerId: bob }, select: { id: true } });
    expect(await db.card.count({ where: { documentId: { in: bobDocs.map((d) => d.id) } } })).toBe(190);
    expect((await counts(alice)).cards).toBe(190);
  });
});

describe("importing the current fixture (zstd collection.anki21b, schema 18, 6,779 revlog rows)", () => {
  let carol: string;
  beforeAll(async () => {
    carol = await makeUser("carol");
    await importAnkiPackage(carol, fixture("statistics-history.colpkg"), { now: NOW });
  });

  it("imports every note and card, and every review of the cards the collection still has", async () => {
    const c = await counts(carol);
    // 1,189 notes / 1,216 cards in Anki: one card's question is empty (its Front is "<pre><br></pre>"),
    // and 7 revlog rows belong to 3 cards deleted in Anki (no card to attach them to).
    expect(c.facts).toBe(1188);
    expect(c.cards).toBe(1215);
    expect(c.logs).toBe(6779 - 7 - 2);
    expect(await db.reviewLog.count({ where: { userId: carol, kind: "manual", rating: 0 } })).toBe(1); // Anki has 3: 2 are the empty card's
    expect(await db.reviewLog.count({ where: { userId: carol, kind: "filtered" } })).toBe(17);
    expect(await db.cardState.count({ where: { userId: carol, suspended: true } })).toBe(9);
    const durations = await db.reviewLog.aggregate({ where: { userId: carol }, _sum: { durationMs: true } });
    expect(durations._sum.durationMs).toBeGreaterThan(0);
  });

  it("each card's state is its history replayed with FSRS under the learner's settings (not Anki's SM-2 due)", async () => {
    const settings = await getUserSettings(carol);
    const states = await db.cardState.findMany({ where: { userId: carol, reps: { gte: 3 } }, take: 25, orderBy: { cardId: "asc" } });
    expect(states.length).toBe(25);
    for (const s of states) {
      const logs = await db.reviewLog.findMany({ where: { userId: carol, cardId: s.cardId }, orderBy: { review: "asc" } });
      let m: MemoryState | null = null;
      for (const l of logs) {
        if (l.rating === 0) continue;
        const g = GRADES.find((x) => x.rating === l.rating)!;
        m = applyGrade(m ?? newMemoryState(l.review), g.name, settings, l.review, s.cardId).memory;
      }
      expect(m!.due.getTime()).toBe(s.due.getTime());
      expect(m!.stability).toBeCloseTo(s.stability, 6);
    }
  });

  it("the optimizer can run right after the import, on the imported history", async () => {
    const started = await startOptimizerJob(carol);
    expect(started.ok).toBe(true);
    await optimizerJobSettled(carol);
    const job = await getOptimizerJob(carol);
    expect(job?.status).toBe("done");
    expect(job?.reviews).toBeGreaterThan(6700);
  });
});

describe("card kinds from note types", () => {
  it("type-in notes become typed cards, cloze notes one card per cN with hints, HTML becomes text, media is counted", async () => {
    const dan = await makeUser("dan");
    const bytes = buildApkg([
      { mid: "typed", fields: ["Capital of <b>France</b>?", "Paris"] },
      { mid: "cloze", fields: ["{{c1::Ottawa::city}} is the capital of {{c2::Canada}}.", ""] },
      { mid: "basic", fields: ['Line one<br>Line two <img src="a.png">[sound:x.mp3]', "A &amp; B<script>alert(1)</script>"], tags: ["geo", "leech"], queue: -1 },
      { mid: "basic", fields: ["Buried one", "yes"], queue: -2, deck: "Top::Child" },
    ]);
    const summary = await importAnkiPackage(dan, bytes, { now: NOW });
    expect(summary).toMatchObject({ notes: 4, cards: 5, images: 1, sounds: 1, suspended: 1, buried: 1 });
    const cards = await db.card.findMany({ where: { document: { ownerId: dan } }, orderBy: { key: "asc" }, select: { key: true, type: true, prompt: true, answer: true, id: true } });
    expect(cards.map((c) => [c.type, c.prompt, c.answer])).toEqual([
      ["typed", "Capital of France?", "Paris"],
      ["cloze", "____ (city) is the capital of Canada.", "Ottawa"],
      ["cloze", "Ottawa is the capital of ____.", "Canada"],
      ["question", "Line one\nLine two", "A & B"],
      ["question", "Buried one", "yes"],
    ]);
    const flags = await db.cardState.findMany({ where: { userId: dan }, select: { suspended: true, leech: true, buriedUntil: true, state: true } });
    expect(flags).toHaveLength(2);
    expect(flags.some((f) => f.suspended && f.leech && f.state === 0)).toBe(true);
    expect(flags.some((f) => f.buriedUntil && f.buriedUntil > NOW)).toBe(true);
    expect((await db.document.findMany({ where: { ownerId: dan }, select: { title: true } })).map((d) => d.title).sort()).toEqual(["Default", "Top::Child"]);
  });
});

describe("bad input is refused with a clear message and changes nothing", () => {
  let erin: string;
  beforeAll(async () => {
    erin = await makeUser("erin");
  });

  const refuse = async (bytes: Uint8Array, message: RegExp, limits?: { maxPackage: number; maxCollection: number }) => {
    const before = await counts(erin);
    const error = await importAnkiPackage(erin, bytes, { now: NOW, limits }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnkiImportError);
    expect((error as Error).message).toMatch(message);
    expect(await counts(erin)).toEqual(before);
  };

  it("not a zip", () => refuse(new TextEncoder().encode("front,back\nhello,world\n"), /not an Anki package.*zip/));
  it("an empty file", () => refuse(new Uint8Array(), /not an Anki package/));
  it("a zip without a collection", () => refuse(zip({ "notes.txt": "hello" }), /no Anki collection/));
  it("a damaged zip", () => refuse(buildApkg([{ mid: "basic", fields: ["a", "b"] }]).slice(0, 300), /damaged|no Anki collection/));
  it("a collection that is not SQLite", () => refuse(zip({ "collection.anki21": "this is not a database".repeat(50) }), /not a readable SQLite database/));
  it("a SQLite database that is not Anki", async () => {
    const Database = (await import("better-sqlite3")).default;
    const db2 = new Database(":memory:");
    db2.exec("CREATE TABLE people (name TEXT)");
    await refuse(zip({ "collection.anki21": new Uint8Array(db2.serialize()) }), /not an Anki collection/);
  });
  it("a schema Recall does not know", () => refuse(zip({ "collection.anki21": buildCollection([{ mid: "basic", fields: ["a", "b"] }], { ver: 99 }) }), /schema 99/));
  it("only the 'Please update' stub", async () => {
    const stub = buildCollection([{ mid: "basic", fields: ["Please update to the latest Anki version, then import the .colpkg/.apkg file again.", ""] }]);
    await refuse(zip({ "collection.anki2": stub }), /Please update to the latest Anki version.*placeholder/);
  });
  it("an oversized file, with the limit stated", () => refuse(buildApkg([{ mid: "basic", fields: ["a", "b"] }]), /up to 1 kB/, { maxPackage: 1024, maxCollection: 1 << 30 }));
  it("a zip bomb: unpacking stops at the limit", () =>
    refuse(zip({ "collection.anki21": new Uint8Array(8 << 20) }), /unpacks to more than 1 MB/, { maxPackage: 1 << 30, maxCollection: 1 << 20 }));
  it("a zstd bomb in collection.anki21b", async () => {
    const { compress } = await import("../support/zstd-frame");
    await refuse(zip({ "collection.anki21b": compress(8 << 20) }), /unpacks to more than 1 MB/, { maxPackage: 1 << 30, maxCollection: 1 << 20 });
  });
});

describe("all or nothing", () => {
  it("a write that fails half-way leaves no deck, card, state or log behind", async () => {
    const fay = await makeUser("fay");
    const settings = await getUserSettings(fay);
    const { buildImportPlan } = await import("@/lib/anki");
    const plan = buildImportPlan(buildApkg([{ mid: "basic", fields: ["a", "b"], reviews: [[Date.parse("2025-01-01T10:00:00Z"), 3]] }]), {
      settings,
      knownGuids: new Set(),
      now: NOW,
      buriedUntil: NOW,
    });
    plan.logs.push({ ...plan.logs[0]!, id: "broken", cardId: "no-such-card" });
    await expect(writeImportPlan(fay, plan, () => undefined)).rejects.toThrow();
    expect(await counts(fay)).toEqual({ documents: 0, facts: 0, cards: 0, states: 0, logs: 0 });
  });
});

describe("background import job", () => {
  it("runs off the request thread with progress, and only its learner can see it", async () => {
    const gus = await makeUser("gus");
    const hal = await makeUser("hal");
    const started = await startAnkiImport(gus, "deck.apkg", buildApkg([{ mid: "basic", fields: ["q", "a"] }]));
    expect(started.ok).toBe(true);
    const id = started.ok ? started.job.id : "";
    expect(await getAnkiImportJob(hal, id)).toBeNull();
    expect((await startAnkiImport(gus, "again.apkg", buildApkg([{ mid: "basic", fields: ["q", "a"] }]))).ok).toBe(false);
    let job = await getAnkiImportJob(gus, id);
    const seen = new Set<string>();
    for (let i = 0; i < 600 && job && job.phase !== "done" && job.phase !== "failed"; i++) {
      seen.add(job.phase);
      await new Promise((r) => setTimeout(r, 50));
      job = await getAnkiImportJob(gus, id);
    }
    expect(job?.error).toBeNull();
    expect(job?.phase).toBe("done");
    expect(job?.summary?.notes).toBe(1);
    expect((await counts(gus)).cards).toBe(1);
    // A reloaded page finds the learner's latest import again; nobody else's.
    expect((await latestAnkiImportJob(gus))?.id).toBe(id);
    expect(await latestAnkiImportJob(hal)).toBeNull();
  });

  it("a refused package ends the job with the reason and writes nothing", async () => {
    const ike = await makeUser("ike");
    const started = await startAnkiImport(ike, "notes.txt", new TextEncoder().encode("hello"));
    const id = started.ok ? started.job.id : "";
    let job = await getAnkiImportJob(ike, id);
    for (let i = 0; i < 600 && job && job.phase !== "done" && job.phase !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await getAnkiImportJob(ike, id);
    }
    expect(job?.phase).toBe("failed");
    expect(job?.error).toMatch(/not an Anki package/);
    expect((await counts(ike)).documents).toBe(0);
  });
});
