import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { documentDeletionImpact } from "@/lib/dal/own-cards";
import { gradeCard } from "@/lib/dal/grading";
import { NotFoundError } from "@/lib/dal/errors";
import { importShippedLibrary } from "../support/shipped-library";
import { makePrivateCard, makeUser } from "../support/factories";

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
let aliceDoc: { documentId: string; cardId: string };
let shippedDoc: string;

const form = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};

beforeAll(async () => {
  await importShippedLibrary();
  shippedDoc = (await db.document.findFirstOrThrow({ where: { ownerId: null }, select: { id: true } })).id;
  alice = await makeUser("alice");
  bob = await makeUser("bob");
  aliceDoc = await makePrivateCard(alice);
});

beforeEach(() => {
  session.userId = null;
});

describe("cards written by hand", () => {
  it("adds front/back, typed and cloze cards to the learner's own document", async () => {
    const { addCardAction } = await import("@/app/(app)/documents/[id]/actions");
    session.userId = alice;
    const base = { documentId: aliceDoc.documentId };
    expect(await addCardAction({}, form({ ...base, type: "question", front: "Capital of Peru?", back: "Lima" }))).toEqual({ saved: "Card added. It is new in your reviews." });
    expect((await addCardAction({}, form({ ...base, type: "typed", front: "7 × 8", back: "56" }))).saved).toBeDefined();
    expect((await addCardAction({}, form({ ...base, type: "cloze", front: "The treaty was signed in 1990 in Paris.", back: "1990" }))).saved).toBeDefined();
    const cards = await db.card.findMany({ where: { documentId: aliceDoc.documentId }, orderBy: { position: "asc" }, select: { type: true, prompt: true, answer: true, position: true } });
    expect(cards.slice(1).map((c) => [c.type, c.prompt, c.answer])).toEqual([
      ["question", "Capital of Peru?", "Lima"],
      ["typed", "7 × 8", "56"],
      ["cloze", "The treaty was signed in ____ in Paris.", "1990"],
    ]);
    expect(new Set(cards.map((c) => c.position)).size).toBe(cards.length);
  });

  it("refuses a cloze whose answer is not in the sentence, an empty side, and another learner's or the shipped library's document", async () => {
    const { addCardAction } = await import("@/app/(app)/documents/[id]/actions");
    session.userId = alice;
    const before = await db.card.count();
    expect(await addCardAction({}, form({ documentId: aliceDoc.documentId, type: "cloze", front: "Signed in 1990.", back: "1991" }))).toEqual({ error: "The answer must be a part of the sentence, written the same way." });
    expect(await addCardAction({}, form({ documentId: aliceDoc.documentId, type: "question", front: "  ", back: "x" }))).toEqual({ error: "Enter a front." });
    expect(await addCardAction({}, form({ documentId: shippedDoc, type: "question", front: "q", back: "a" }))).toEqual({ error: "You can add cards only to your own documents and decks." });
    session.userId = bob;
    expect(await addCardAction({}, form({ documentId: aliceDoc.documentId, type: "question", front: "q", back: "a" }))).toEqual({ error: "You can add cards only to your own documents and decks." });
    expect(await db.card.count()).toBe(before);
  });
});

describe("renaming and deleting documents and decks", () => {
  it("renames only the learner's own", async () => {
    const { renameDocumentAction } = await import("@/app/(app)/documents/[id]/actions");
    session.userId = bob;
    expect(await renameDocumentAction({}, form({ documentId: aliceDoc.documentId, title: "Mine now" }))).toEqual({ error: "You can rename only your own documents and decks." });
    expect(await renameDocumentAction({}, form({ documentId: shippedDoc, title: "Mine now" }))).toEqual({ error: "You can rename only your own documents and decks." });
    session.userId = alice;
    expect(await renameDocumentAction({}, form({ documentId: aliceDoc.documentId, title: "Languages::Spanish" }))).toEqual({ saved: "Renamed." });
    expect((await db.document.findUniqueOrThrow({ where: { id: aliceDoc.documentId } })).title).toBe("Languages::Spanish");
  });

  it("says what a delete removes, and deletes only the learner's own document", async () => {
    const { deleteDocumentAction } = await import("@/app/(app)/documents/[id]/actions");
    await gradeCard(alice, { cardId: aliceDoc.cardId, version: 0, grade: "good" }, NOW);
    expect(await documentDeletionImpact(alice, aliceDoc.documentId)).toEqual({ cards: 4, reviews: 1, studied: 1 });
    await expect(documentDeletionImpact(bob, aliceDoc.documentId)).rejects.toBeInstanceOf(NotFoundError);
    session.userId = bob;
    await expect(deleteDocumentAction(form({ documentId: aliceDoc.documentId, confirm: "yes" }))).rejects.toThrow("REDIRECT /documents");
    await expect(deleteDocumentAction(form({ documentId: shippedDoc, confirm: "yes" }))).rejects.toThrow("REDIRECT /documents");
    expect(await db.document.count({ where: { id: { in: [aliceDoc.documentId, shippedDoc] } } })).toBe(2);
    session.userId = alice;
    await expect(deleteDocumentAction(form({ documentId: aliceDoc.documentId }))).rejects.toThrow("REDIRECT /documents");
    expect(await db.document.count({ where: { id: aliceDoc.documentId } })).toBe(1); // not confirmed
    await expect(deleteDocumentAction(form({ documentId: aliceDoc.documentId, confirm: "yes" }))).rejects.toThrow("REDIRECT /documents");
    expect(await db.document.count({ where: { id: aliceDoc.documentId } })).toBe(0);
    expect(await db.reviewLog.count({ where: { cardId: aliceDoc.cardId } })).toBe(0);
  });
});
