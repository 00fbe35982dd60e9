import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getReviewQueue } from "@/lib/dal/review";
import { gradeCard } from "@/lib/dal/grading";
import { listDocuments } from "@/lib/dal/documents";
import { NotFoundError } from "@/lib/dal/errors";
import { importShippedLibrary } from "../support/shipped-library";
import { makePrivateCard, makeUser } from "../support/factories";

// Server actions read the session through lib/auth: the test signs a user in by
// choosing what auth() returns, and makes redirect() observable.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId } } : null),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
}));

const NOW = new Date("2026-03-02T10:00:00Z");
let alice: string;
let bob: string;
let alicePrivate: { documentId: string; cardId: string };

beforeAll(async () => {
  await importShippedLibrary();
  alice = await makeUser("alice");
  bob = await makeUser("bob");
  alicePrivate = await makePrivateCard(alice);
  const first = (await getReviewQueue(alice, NOW)).next!;
  await gradeCard(alice, { cardId: first.cardId, version: 0, grade: "good" }, NOW);
});

beforeEach(() => {
  session.userId = null;
});

describe("user isolation in the data-access layer", () => {
  it("a second user starts with every shipped card new, whatever the first has done", async () => {
    const shipped = await db.card.count({ where: { document: { ownerId: null } } });
    const q = await getReviewQueue(bob, NOW);
    expect(q.remaining.reviews).toBe(0);
    expect(q.remaining.new).toBe(Math.min(20, shipped));
    expect(q.next?.isNew).toBe(true);
    expect(q.next?.version).toBe(0);
  });

  it("a user never sees another user's private document", async () => {
    expect((await listDocuments(alice)).some((d) => d.id === alicePrivate.documentId)).toBe(true);
    expect((await listDocuments(bob)).some((d) => d.id === alicePrivate.documentId)).toBe(false);
  });

  it("user B cannot grade a card of A's private document, and nothing changes", async () => {
    const logsBefore = await db.reviewLog.count();
    await expect(gradeCard(bob, { cardId: alicePrivate.cardId, version: 0, grade: "easy" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.reviewLog.count()).toBe(logsBefore);
    expect(await db.cardState.count({ where: { cardId: alicePrivate.cardId } })).toBe(0);
  });

  it("B grading a shared card changes only B's state, never A's", async () => {
    const aliceState = await db.cardState.findFirstOrThrow({ where: { userId: alice } });
    await gradeCard(bob, { cardId: aliceState.cardId, version: 0, grade: "again" }, NOW);
    const after = await db.cardState.findUniqueOrThrow({ where: { id: aliceState.id } });
    expect(after).toEqual(aliceState);
    expect(await db.cardState.count({ where: { userId: bob, cardId: aliceState.cardId } })).toBe(1);
  });
});

describe("user isolation through the server actions", () => {
  it("gradeAction refuses a card of another user's private document", async () => {
    const { gradeAction } = await import("@/app/(app)/review/actions");
    session.userId = bob;
    const logsBefore = await db.reviewLog.count();
    const r = await gradeAction({ cardId: alicePrivate.cardId, version: 0, grade: "good" });
    expect(r).toEqual({ error: "This card is not in your collection." });
    expect(await db.reviewLog.count()).toBe(logsBefore);
  });

  it("gradeAction grades for the signed-in user only", async () => {
    const { gradeAction } = await import("@/app/(app)/review/actions");
    session.userId = bob;
    const card = (await getReviewQueue(bob, new Date())).next!;
    const aliceLogs = await db.reviewLog.count({ where: { userId: alice } });
    const bobLogs = await db.reviewLog.count({ where: { userId: bob, cardId: card.cardId } });
    const r = await gradeAction({ cardId: card.cardId, version: card.version, grade: "good" });
    expect("queue" in r).toBe(true);
    expect(await db.reviewLog.count({ where: { userId: bob, cardId: card.cardId } })).toBe(bobLogs + 1);
    expect(await db.reviewLog.count({ where: { userId: alice } })).toBe(aliceLogs);
  });

  it("gradeAction sends a signed-out caller to sign-in and writes nothing", async () => {
    const { gradeAction } = await import("@/app/(app)/review/actions");
    const logsBefore = await db.reviewLog.count();
    await expect(gradeAction({ cardId: alicePrivate.cardId, version: 0, grade: "good" })).rejects.toThrow("REDIRECT /sign-in?next=%2Freview");
    expect(await db.reviewLog.count()).toBe(logsBefore);
  });

  it("gradeAction rejects a malformed grade", async () => {
    const { gradeAction } = await import("@/app/(app)/review/actions");
    session.userId = bob;
    expect(await gradeAction({ cardId: "x", version: -1, grade: "perfect" })).toEqual({ error: expect.stringMatching(/could not be read/) });
  });
});
