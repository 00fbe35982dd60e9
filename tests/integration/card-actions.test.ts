import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getReviewQueue, getReviewItem } from "@/lib/dal/review";
import { gradeCard, undoGrade, UndoError } from "@/lib/dal/grading";
import { buryCard, editCard, resetCard, setSuspended } from "@/lib/dal/card-actions";
import { NotFoundError } from "@/lib/dal/errors";
import { importShippedLibrary } from "../support/shipped-library";
import { makePrivateCard, makeUser } from "../support/factories";

const NOW = new Date("2026-03-02T10:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

beforeAll(async () => {
  await importShippedLibrary();
});

async function firstCard(userId: string, at = NOW) {
  return (await getReviewQueue(userId, at)).next!;
}

describe("undo", () => {
  it("returns the card exactly to its previous state and removes the log, newest grade first", async () => {
    const user = await makeUser();
    const card = await firstCard(user);
    const first = await gradeCard(user, { cardId: card.cardId, version: 0, grade: "good" }, NOW);
    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user, cardId: card.cardId } } });
    const second = await gradeCard(user, { cardId: card.cardId, version: before.version, grade: "again" }, minutes(15));
    if (first.status !== "applied" || second.status !== "applied") throw new Error("grades not applied");

    await expect(undoGrade(user, first.logId)).rejects.toBeInstanceOf(UndoError);
    await undoGrade(user, second.logId);
    const after = await db.cardState.findUniqueOrThrow({ where: { id: before.id } });
    expect({ ...after, version: 0 }).toEqual({ ...before, version: 0 });
    expect(after.version).toBeGreaterThan(before.version);
    expect(await db.reviewLog.count({ where: { userId: user, cardId: card.cardId } })).toBe(1);

    // Undoing the first grade of a new card makes it new again, with no state at all.
    await undoGrade(user, first.logId);
    expect(await db.cardState.count({ where: { userId: user, cardId: card.cardId } })).toBe(0);
    expect((await getReviewItem(user, card.cardId, NOW)).version).toBe(0);
  });

  it("never undoes another user's grade", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const card = await firstCard(owner);
    const g = await gradeCard(owner, { cardId: card.cardId, version: 0, grade: "good" }, NOW);
    if (g.status !== "applied") throw new Error("not applied");
    await expect(undoGrade(other, g.logId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.reviewLog.count({ where: { id: g.logId } })).toBe(1);
  });
});

describe("bury, suspend, reset", () => {
  it("a buried card leaves today's queue and is back when the next day starts", async () => {
    const user = await makeUser();
    const card = await firstCard(user);
    const until = await buryCard(user, card.cardId, NOW);
    expect((await firstCard(user)).cardId).not.toBe(card.cardId);
    expect(until.toISOString()).toBe("2026-03-03T04:00:00.000Z"); // UTC user, day starts at 04:00
    expect((await firstCard(user, new Date(until.getTime() + 1000))).cardId).toBe(card.cardId);
  });

  it("a suspended card leaves the queue until unsuspended", async () => {
    const user = await makeUser();
    const card = await firstCard(user);
    await setSuspended(user, card.cardId, true, NOW);
    const q = await getReviewQueue(user, NOW);
    expect(q.next?.cardId).not.toBe(card.cardId);
    await setSuspended(user, card.cardId, false, NOW);
    expect((await firstCard(user)).cardId).toBe(card.cardId);
  });

  it("reset makes a studied card new again", async () => {
    const user = await makeUser();
    const card = await firstCard(user);
    await gradeCard(user, { cardId: card.cardId, version: 0, grade: "easy" }, NOW);
    await resetCard(user, card.cardId, NOW);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user, cardId: card.cardId } } });
    expect(state).toMatchObject({ state: 0, reps: 0, lapses: 0, introducedAt: null });
    expect((await firstCard(user)).cardId).toBe(card.cardId);
  });
});

describe("leeches", () => {
  it("a card that lapses 8 times is tagged as a leech and suspended", async () => {
    const user = await makeUser();
    const card = await firstCard(user);
    let at = NOW;
    let leech = false;
    const grade = async (g: "again" | "good" | "easy") => {
      const s = await db.cardState.findUnique({ where: { userId_cardId: { userId: user, cardId: card.cardId } } });
      const r = await gradeCard(user, { cardId: card.cardId, version: s?.version ?? 0, grade: g }, at);
      if (r.status === "applied") leech ||= r.leech;
      at = new Date(Math.max(at.getTime(), (await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user, cardId: card.cardId } } })).due.getTime()) + 60_000);
    };
    await grade("easy"); // straight to review
    for (let lapse = 1; lapse <= 8; lapse++) {
      await grade("again");
      await grade("good");
      await grade("good");
    }
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user, cardId: card.cardId } } });
    expect(state.lapses).toBe(8);
    expect(state).toMatchObject({ leech: true, suspended: true });
    expect(leech).toBe(true);
  });
});

describe("siblings", () => {
  it("a card whose fact already had a card reviewed today waits until tomorrow", async () => {
    const user = await makeUser();
    const cards = await db.card.findMany({ orderBy: { position: "asc" }, select: { id: true, factId: true } });
    const byFact = new Map<string, string[]>();
    for (const c of cards) byFact.set(c.factId, [...(byFact.get(c.factId) ?? []), c.id]);
    const pair = [...byFact.values()].find((ids) => ids.length >= 2);
    expect(pair, "the shipped document has a fact with two cards").toBeDefined();
    await gradeCard(user, { cardId: pair![0], version: 0, grade: "good" }, NOW);
    // Walk the whole day's queue: the sibling never shows up today.
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const next = (await getReviewQueue(user, NOW)).next;
      if (!next) break;
      seen.add(next.cardId);
      await gradeCard(user, { cardId: next.cardId, version: next.version, grade: "easy" }, NOW);
    }
    expect(seen.has(pair![1])).toBe(false);
    const tomorrow = new Date("2026-03-03T05:00:00Z");
    const ids = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const next = (await getReviewQueue(user, tomorrow)).next;
      if (!next) break;
      ids.add(next.cardId);
      await gradeCard(user, { cardId: next.cardId, version: next.version, grade: "easy" }, tomorrow);
    }
    expect(ids.has(pair![1])).toBe(true);
  });
});

describe("editing a card", () => {
  it("changes the wording for its user only", async () => {
    const alice = await makeUser();
    const bob = await makeUser();
    const card = await firstCard(alice);
    await editCard(alice, card.cardId, { prompt: "My own question?", answer: "My answer" });
    expect(await getReviewItem(alice, card.cardId, NOW)).toMatchObject({ prompt: "My own question?", answer: "My answer", edited: true });
    expect(await getReviewItem(bob, card.cardId, NOW)).toMatchObject({ prompt: card.prompt, answer: card.answer, edited: false });
    expect((await db.card.findUniqueOrThrow({ where: { id: card.cardId } })).prompt).toBe(card.prompt);
  });

  it("no action reaches a card of another user's private document", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const { cardId } = await makePrivateCard(owner);
    await expect(buryCard(other, cardId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setSuspended(other, cardId, true, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(resetCard(other, cardId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(editCard(other, cardId, { prompt: "x", answer: "y" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReviewItem(other, cardId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.cardState.count({ where: { cardId } })).toBe(0);
    expect(await db.cardOverride.count({ where: { cardId } })).toBe(0);
  });
});
