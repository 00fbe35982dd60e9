import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getReviewQueue } from "@/lib/dal/review";
import { gradeCard } from "@/lib/dal/grading";
import { importShippedLibrary } from "../support/shipped-library";
import { makeUser } from "../support/factories";

const NOW = new Date("2026-03-02T10:00:00Z");

describe("importing the shipped library", () => {
  let first: Awaited<ReturnType<typeof importShippedLibrary>>;
  beforeAll(async () => {
    first = await importShippedLibrary();
  });

  it("imports every document in content/ with its generated cards", async () => {
    expect(first.imported).toBe(1);
    expect(first.cards).toBeGreaterThanOrEqual(20);
    expect(await db.card.count()).toBe(first.cards);
    const doc = await db.document.findFirstOrThrow({ select: { ownerId: true, source: true, publishedAt: true } });
    expect(doc).toEqual({ ownerId: null, source: "RFI", publishedAt: new Date("2022-02-02T00:00:00Z") });
  });

  it("imports nothing twice and keeps users' progress on a second run", async () => {
    const userId = await makeUser();
    const card = (await getReviewQueue(userId, NOW)).next!;
    await gradeCard(userId, { cardId: card.cardId, version: 0, grade: "good" }, NOW);
    const before = { docs: await db.document.count(), cards: await db.card.count(), facts: await db.fact.count() };

    const second = await importShippedLibrary();

    expect(second).toEqual({ imported: 0, updated: 0, unchanged: 1, cards: 0 });
    expect({ docs: await db.document.count(), cards: await db.card.count(), facts: await db.fact.count() }).toEqual(before);
    expect(await db.cardState.count({ where: { userId, cardId: card.cardId } })).toBe(1);
    expect(await db.reviewLog.count({ where: { userId } })).toBe(1);
  });

  it("on a changed file, regenerates in place and keeps progress on cards that did not change", async () => {
    const userId = await makeUser();
    const card = (await getReviewQueue(userId, NOW)).next!;
    await gradeCard(userId, { cardId: card.cardId, version: 0, grade: "good" }, NOW);

    // Appending a paragraph changes the file but not the existing sentences.
    const r = await importShippedLibrary((raw) => raw + "\nIn 2023, Brazil and Argentina signed a treaty that allows joint patrols.\n");

    expect(r.updated).toBe(1);
    expect(await db.document.count()).toBe(1);
    expect(await db.cardState.count({ where: { userId, cardId: card.cardId } })).toBe(1);
    expect(await db.card.count({ where: { id: card.cardId } })).toBe(1);
  });
});

describe("a new version of the card generator", () => {
  it("regenerates the library's cards in place", async () => {
    const before = await db.document.findFirstOrThrow({ select: { id: true, contentHash: true } });
    const { importLibrary } = await import("@/lib/dal/library");
    const { parseContentFile } = await import("@/lib/content/parse-content-file");
    const raw = "---\ntitle: T\n---\nIn 1990, Alpha and Beta signed a treaty.\n";
    const gen = (n: number) => () => ({ facts: [], cards: [] as never[], n });
    const file = { path: "content/russian-presence-in-latin-america.md", raw, content: parseContentFile(raw, "x.md") };
    expect((await importLibrary([file], gen(1), "v1")).updated).toBe(1);
    expect((await importLibrary([file], gen(1), "v1")).unchanged).toBe(1);
    expect((await importLibrary([file], gen(2), "v2")).updated).toBe(1);
    expect((await db.document.findUniqueOrThrow({ where: { id: before.id } })).contentHash).not.toBe(before.contentHash);
  });
});
