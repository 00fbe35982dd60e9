import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getReviewQueue, getReviewItem } from "@/lib/dal/review";
import { gradeCard } from "@/lib/dal/grading";
import { undoLast, UndoError } from "@/lib/dal/undo";
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

const stateOf = (userId: string, cardId: string) => db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
/** The state's columns an undo must restore: everything but its id and version. */
const columns = (s: Awaited<ReturnType<typeof stateOf>>) => (s ? { ...s, id: undefined, version: undefined } : null);

describe("undo (issue 12 rule 9: the last action, whatever it was, in order)", () => {
  it("returns the card exactly to its previous state and removes the log, newest grade first", async () => {
    const user = await makeUser();
    const card = await firstCard(user);
    const first = await gradeCard(user, { cardId: card.cardId, version: 0, grade: "good" }, NOW);
    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user, cardId: card.cardId } } });
    const second = await gradeCard(user, { cardId: card.cardId, version: before.version, grade: "again" }, minutes(15));
    if (first.status !== "applied" || second.status !== "applied") throw new Error("grades not applied");

    expect(await undoLast(user, minutes(16))).toMatchObject({ action: "grade", cardId: card.cardId, next: { action: "grade", cardId: card.cardId } });
    const after = await db.cardState.findUniqueOrThrow({ where: { id: before.id } });
    expect(columns(after)).toEqual(columns(before));
    expect(after.version).toBeGreaterThan(before.version);
    expect(await db.reviewLog.count({ where: { userId: user, cardId: card.cardId } })).toBe(1);

    // Undoing the first grade of a new card makes it new again: new for the queue, its version still counting up.
    await undoLast(user, minutes(16));
    expect(await stateOf(user, card.cardId)).toMatchObject({ state: 0, reps: 0, introducedAt: null });
    expect(await db.reviewLog.count({ where: { userId: user, cardId: card.cardId } })).toBe(0);
    expect((await firstCard(user, minutes(16))).cardId).toBe(card.cardId);
    await expect(undoLast(user, minutes(16))).rejects.toThrow("Nothing to undo.");
  });

  it("Ctrl+Z after B undoes the bury, not the grade before it; then the grade; then suspend, reset and edit each come back in order", async () => {
    const user = await makeUser();
    const [a, b] = [(await firstCard(user)).cardId, null];
    void b;
    await gradeCard(user, { cardId: a, version: 0, grade: "good" }, NOW);
    const graded = columns(await stateOf(user, a));
    const next = (await firstCard(user)).cardId;
    const untouched = columns(await stateOf(user, next)); // null: never studied
    await buryCard(user, next, NOW);
    expect((await undoLast(user, NOW)).action).toBe("bury");
    expect(columns(await stateOf(user, next))).toMatchObject({ buriedUntil: null, state: 0 });
    expect(untouched).toBeNull();
    expect(columns(await stateOf(user, a))).toEqual(graded); // the grade stays
    expect((await undoLast(user, NOW)).action).toBe("grade");
    expect(await stateOf(user, a)).toMatchObject({ state: 0, reps: 0 });

    // suspend, reset, edit: each undone, newest first.
    await gradeCard(user, { cardId: a, version: (await stateOf(user, a))!.version, grade: "easy" }, NOW);
    const studied = columns(await stateOf(user, a));
    await setSuspended(user, a, true, NOW);
    await resetCard(user, a, NOW);
    await editCard(user, a, { prompt: "Mine?", answer: "Mine" }, NOW);
    await editCard(user, a, { prompt: "Mine again?", answer: "Mine again" }, NOW);
    expect((await undoLast(user, NOW)).action).toBe("edit");
    expect((await getReviewItem(user, a, NOW)).prompt).toBe("Mine?");
    expect((await undoLast(user, NOW)).action).toBe("edit");
    expect((await getReviewItem(user, a, NOW)).edited).toBe(false);
    expect((await undoLast(user, NOW)).action).toBe("reset");
    expect(columns(await stateOf(user, a))).toEqual({ ...studied, suspended: true });
    expect((await undoLast(user, NOW)).action).toBe("suspend");
    expect(columns(await stateOf(user, a))).toEqual(studied);
  });

  it("an action whose card changed since (another tab graded it) is not undone, and the next undo goes to the action before", async () => {
    const user = await makeUser();
    const card = (await firstCard(user)).cardId;
    await buryCard(user, card, NOW);
    // Another tab: the card is graded through the JSON API, which the undo then sees as the newest action.
    const v = (await stateOf(user, card))!.version;
    await gradeCard(user, { cardId: card, version: v, grade: "good" }, NOW);
    await db.undoEntry.deleteMany({ where: { userId: user, action: "grade" } }); // as if that grade's entry were out of reach
    await expect(undoLast(user, NOW)).rejects.toThrow(/changed since/);
    expect(await stateOf(user, card)).toMatchObject({ state: 1 });
    await expect(undoLast(user, NOW)).rejects.toThrow("Nothing to undo.");
  });

  it("keeps one day of actions: older ones cannot be undone and are deleted as new actions come", async () => {
    const user = await makeUser();
    const card = (await firstCard(user)).cardId;
    const twoDaysAgo = new Date(NOW.getTime() - 2 * 86_400_000);
    await buryCard(user, card, twoDaysAgo);
    await expect(undoLast(user, NOW)).rejects.toThrow("Nothing to undo.");
    expect(await db.undoEntry.count({ where: { userId: user } })).toBe(1);
    await setSuspended(user, card, true, NOW);
    expect(await db.undoEntry.findMany({ where: { userId: user }, select: { action: true } })).toEqual([{ action: "suspend" }]);
  });

  it("never undoes another user's action", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const card = await firstCard(owner);
    const g = await gradeCard(owner, { cardId: card.cardId, version: 0, grade: "good" }, NOW);
    if (g.status !== "applied") throw new Error("not applied");
    await expect(undoLast(other, NOW)).rejects.toBeInstanceOf(UndoError);
    expect(await db.reviewLog.count({ where: { id: g.logId } })).toBe(1);
  });
});

describe("a grade is applied once (issue 15, items 6 and 11)", () => {
  it("a first grade replayed after its undo is a duplicate: versions never go back", async () => {
    const user = await makeUser();
    const card = (await firstCard(user)).cardId;
    const request = { cardId: card, version: 0, grade: "good" as const };
    expect((await gradeCard(user, request, NOW)).status).toBe("applied");
    await undoLast(user, NOW);
    expect(await gradeCard(user, request, minutes(1))).toEqual({ status: "duplicate", gradedSince: null });
    expect(await db.reviewLog.count({ where: { userId: user, cardId: card } })).toBe(0);
    // A later grade replayed after its undo: the same.
    const v = (await stateOf(user, card))!.version;
    expect((await gradeCard(user, { cardId: card, version: v, grade: "easy" }, NOW)).status).toBe("applied");
    await undoLast(user, NOW);
    expect((await gradeCard(user, { cardId: card, version: v, grade: "easy" }, NOW)).status).toBe("duplicate");
  });

  it("a second tab's different grade is refused with the grade the first tab gave", async () => {
    const user = await makeUser();
    const card = await firstCard(user); // both tabs show version 0
    expect((await gradeCard(user, { cardId: card.cardId, version: card.version, grade: "good" }, NOW)).status).toBe("applied");
    const second = await gradeCard(user, { cardId: card.cardId, version: card.version, grade: "again" }, minutes(1));
    expect(second).toMatchObject({ status: "duplicate", gradedSince: { grade: "good", source: "review" } });
    expect(await db.reviewLog.count({ where: { userId: user, cardId: card.cardId } })).toBe(1);
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
  it("a card that lapses 8 times is tagged as a leech and suspended; unsuspended, it is suspended again at 12 lapses, not before", async () => {
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
    await setSuspended(user, card.cardId, false, at);
    leech = false;
    for (let lapse = 9; lapse <= 11; lapse++) {
      await grade("again");
      await grade("good");
      await grade("good");
    }
    expect(leech).toBe(false);
    expect(await stateOf(user, card.cardId)).toMatchObject({ lapses: 11, suspended: false });
    await grade("again");
    expect(leech).toBe(true);
    expect(await stateOf(user, card.cardId)).toMatchObject({ lapses: 12, leech: true, suspended: true });
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
