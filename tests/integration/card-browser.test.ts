import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { browseCards, deleteOwnCards, PAGE_SIZE } from "@/lib/dal/card-browser";
import { importAnkiPackage } from "@/lib/dal/anki-import";
import { editCard } from "@/lib/dal/card-actions";
import { importShippedLibrary } from "../support/shipped-library";
import { makeUser } from "../support/factories";
import { buildApkg, fixture } from "../support/anki-package";

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
let shippedCount: number;

beforeAll(async () => {
  await importShippedLibrary();
  shippedCount = await db.card.count({ where: { document: { ownerId: null } } });
  alice = await makeUser("alice");
  bob = await makeUser("bob");
  await importAnkiPackage(alice, fixture("jee-hsc-legacy.apkg"), { now: NOW });
  await importAnkiPackage(alice, buildApkg([{ mid: "basic", fields: ["Unique 100% match_here", "x"], queue: -1, deck: "Odd" }]), { now: NOW });
});

beforeEach(() => {
  session.userId = null;
});

describe("the card browser", () => {
  it("lists the shipped library and the learner's own cards, paginated in the database", async () => {
    const first = await browseCards(alice, {}, NOW);
    expect(first.total).toBe(shippedCount + 191);
    expect(first.cards).toHaveLength(PAGE_SIZE);
    const last = await browseCards(alice, { page: first.pages }, NOW);
    expect(last.page).toBe(first.pages);
    expect(last.cards.length).toBe(first.total - (first.pages - 1) * PAGE_SIZE);
    expect(new Set([...first.cards, ...last.cards].map((c) => c.id)).size).toBe(first.cards.length + last.cards.length);
  });

  it("finds text in prompts and answers case-insensitively, with % and _ taken literally", async () => {
    const r = await browseCards(alice, { text: "oxidation number" }, NOW);
    expect(r.total).toBeGreaterThan(0);
    expect(r.cards.every((c) => `${c.prompt} ${c.answer}`.toLowerCase().includes("oxidation number"))).toBe(true);
    expect((await browseCards(alice, { text: "100% match_" }, NOW)).cards.map((c) => c.prompt)).toEqual(["Unique 100% match_here"]);
    expect((await browseCards(alice, { text: "1_0" }, NOW)).total).toBe(0);
  });

  it("searches the learner's own wording of an edited card, and filters edited cards", async () => {
    const shipped = await db.card.findFirstOrThrow({ where: { document: { ownerId: null } }, select: { id: true } });
    await editCard(alice, shipped.id, { prompt: "Zebra wording of mine", answer: "z" });
    expect((await browseCards(alice, { text: "zebra" }, NOW)).cards.map((c) => c.id)).toEqual([shipped.id]);
    expect((await browseCards(bob, { text: "zebra" }, NOW)).total).toBe(0);
    expect((await browseCards(alice, { state: "edited" }, NOW)).cards.map((c) => c.id)).toEqual([shipped.id]);
  });

  it("filters by document, kind, state and due date, and sorts", async () => {
    const deck = await db.document.findFirstOrThrow({ where: { ownerId: alice, title: { contains: "Redox" } }, select: { id: true, _count: { select: { cards: true } } } });
    expect((await browseCards(alice, { documentId: deck.id }, NOW)).total).toBe(deck._count.cards);
    expect((await browseCards(alice, { kind: "note" }, NOW)).total).toBe(191);
    expect((await browseCards(alice, { state: "suspended" }, NOW)).cards.map((c) => c.prompt)).toEqual(["Unique 100% match_here"]);
    const reviewed = await db.cardState.count({ where: { userId: alice, state: { gt: 0 } } });
    expect((await browseCards(alice, { state: "review" }, NOW)).total + (await browseCards(alice, { state: "learning" }, NOW)).total).toBe(reviewed);
    const overdue = await browseCards(alice, { due: "overdue", sort: "due" }, NOW);
    expect(overdue.total).toBe(reviewed); // the fixture's reviews are from 2022
    const dues = overdue.cards.map((c) => c.due!.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const byPrompt = (await browseCards(alice, { sort: "prompt", documentId: deck.id }, NOW)).cards.map((c) => c.prompt.toLowerCase());
    expect(byPrompt).toEqual([...byPrompt].sort());
  });

  it("never shows another learner's private cards", async () => {
    const r = await browseCards(bob, { text: "oxidation" }, NOW);
    expect(r.total).toBe(0);
    const deck = await db.document.findFirstOrThrow({ where: { ownerId: alice }, select: { id: true } });
    expect((await browseCards(bob, { documentId: deck.id }, NOW)).total).toBe(0);
  });
});

describe("acting on a selection", () => {
  it("deletes only the learner's own cards: the shipped library's and another learner's are refused and kept", async () => {
    const own = await db.card.findFirstOrThrow({ where: { document: { ownerId: alice } }, select: { id: true } });
    const shipped = await db.card.findFirstOrThrow({ where: { document: { ownerId: null } }, select: { id: true } });
    expect(await deleteOwnCards(bob, [own.id, shipped.id])).toEqual({ deleted: 0, refused: 2 });
    expect(await db.card.count({ where: { id: { in: [own.id, shipped.id] } } })).toBe(2);
    expect(await deleteOwnCards(alice, [own.id, shipped.id])).toEqual({ deleted: 1, refused: 1 });
    expect(await db.card.count({ where: { id: { in: [own.id, shipped.id] } } })).toBe(1);
  });

  it("bulk suspend through the server action changes only the caller's states, and says what it did", async () => {
    const { bulkCardAction } = await import("@/app/(app)/cards/actions");
    const page = await browseCards(bob, { state: "new" }, NOW);
    const ids = page.cards.slice(0, 3).map((c) => c.id);
    const aliceDeckCard = await db.card.findFirstOrThrow({ where: { document: { ownerId: alice } }, select: { id: true } });
    session.userId = bob;
    const form = new FormData();
    form.set("action", "suspend");
    form.set("back", "/cards?state=new");
    for (const id of [...ids, aliceDeckCard.id]) form.append("cardId", id);
    await expect(bulkCardAction(form)).rejects.toThrow(/REDIRECT \/cards\?state=new&notice=Suspended%203%20cards\.%201%20not%20found/);
    expect(await db.cardState.count({ where: { userId: bob, suspended: true } })).toBe(3);
    expect(await db.cardState.count({ where: { cardId: aliceDeckCard.id, userId: bob } })).toBe(0);
    expect(await db.cardState.count({ where: { userId: alice, cardId: { in: ids }, suspended: true } })).toBe(0);
  });

  it("refuses a return address outside the browser", async () => {
    const { bulkCardAction } = await import("@/app/(app)/cards/actions");
    session.userId = bob;
    const form = new FormData();
    form.set("action", "unsuspend");
    form.set("back", "https://evil.example/");
    await expect(bulkCardAction(form)).rejects.toThrow(/REDIRECT \/cards\?notice=Select%20at%20least%20one%20card/);
  });
});
