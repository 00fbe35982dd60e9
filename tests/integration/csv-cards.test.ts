import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { importAnkiPackage } from "@/lib/dal/anki-import";
import { csvExportRows } from "@/lib/dal/csv-cards";
import { toCardsCsv } from "@/lib/csv/cards-csv";
import { makeUser } from "../support/factories";
import { fixture } from "../support/anki-package";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const NOW = new Date("2026-03-02T10:00:00Z");
let alice: string;
let bob: string;

const cardsOf = async (userId: string) =>
  (await db.card.findMany({ where: { document: { ownerId: userId } }, select: { prompt: true, answer: true } })).map((c) => `${c.prompt} → ${c.answer}`).sort();

beforeAll(async () => {
  alice = await makeUser("alice");
  bob = await makeUser("bob");
  await importAnkiPackage(alice, fixture("jee-hsc-legacy.apkg"), { now: NOW });
});

beforeEach(() => {
  session.userId = null;
});

describe("CSV export and import", () => {
  it("exports every card with its state, and the file imports back into another account as the same cards", async () => {
    const rows = await csvExportRows(alice, NOW);
    expect(rows).toHaveLength(190);
    expect(rows.filter((r) => r.state !== "new")).toHaveLength(15);
    const csv = toCardsCsv(rows);
    const { previewCsvAction, saveCsvAction } = await import("@/app/(app)/import/csv-actions");
    session.userId = bob;
    const preview = await previewCsvAction(csv);
    expect(preview.error).toBeUndefined();
    // The fixture has one note whose Back is empty: a CSV row without a back is reported, not imported.
    expect(await db.card.count({ where: { document: { ownerId: alice }, answer: "" } })).toBe(1);
    expect(preview.errors).toEqual([{ line: 101, message: "Row 101: the back is empty." }]);
    expect(preview.total).toBe(189);
    const saved = await saveCsvAction({ text: csv, deck: "From Alice" });
    expect(saved).toMatchObject({ saved: 189, skipped: 1 });
    expect(await cardsOf(bob)).toEqual((await cardsOf(alice)).filter((c) => !c.endsWith(" → ")));
  });

  it("preview lists problem rows and saves nothing; saving keeps only the good rows", async () => {
    const { previewCsvAction, saveCsvAction } = await import("@/app/(app)/import/csv-actions");
    const carol = await makeUser("carol");
    session.userId = carol;
    const text = "front,back\nq1,a1\n,missing front\nq2,a2\n";
    const preview = await previewCsvAction(text);
    expect(preview.total).toBe(2);
    expect(preview.errors).toEqual([{ line: 3, message: "Row 3: the front is empty." }]);
    expect(await db.card.count({ where: { document: { ownerId: carol } } })).toBe(0);
    expect(await saveCsvAction({ text, deck: "  " })).toEqual({ error: "Name the deck." });
    expect(await db.document.count({ where: { ownerId: carol } })).toBe(0);
    expect(await saveCsvAction({ text, deck: "Mine" })).toMatchObject({ saved: 2, skipped: 1 });
    expect(await cardsOf(carol)).toEqual(["q1 → a1", "q2 → a2"]);
  });

  it("a deck of the same name that belongs to another learner is never touched", async () => {
    const { saveCsvAction } = await import("@/app/(app)/import/csv-actions");
    session.userId = bob;
    const aliceDeck = await db.document.findFirstOrThrow({ where: { ownerId: alice }, select: { id: true, title: true, _count: { select: { cards: true } } } });
    const r = await saveCsvAction({ text: "x,y\n", deck: aliceDeck.title });
    expect(r.documentId).not.toBe(aliceDeck.id);
    expect(await db.card.count({ where: { documentId: aliceDeck.id } })).toBe(aliceDeck._count.cards);
  });

  it("refuses signed-out callers", async () => {
    const { previewCsvAction } = await import("@/app/(app)/import/csv-actions");
    await expect(previewCsvAction("a,b\n")).rejects.toThrow(/REDIRECT/);
  });
});
