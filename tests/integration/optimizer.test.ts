import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import {
  actAsOptimizerInstanceForTests,
  cancelOptimizerJob,
  dismissOptimizerJob,
  getOptimizerJob,
  loadOptimizerItems,
  optimizerJobSettled,
  saveOptimizerResult,
  startOptimizerJob,
  STOPPED_MESSAGE,
} from "@/lib/dal/optimizer-jobs";
import { evaluate, paramsInUse, simulateLearner, toBindingItems } from "@/lib/srs/optimizer";
import { DEFAULT_SETTINGS } from "@/lib/srs";
import { makeUser } from "../support/factories";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let seq = 0;

/**
 * Writes a synthetic learner's history for `userId` (a simulated FSRS memory
 * with known weights, answering with probability = retrievability), on cards
 * of a private document, as the app would have logged it.
 */
async function seedHistory(userId: string, reviews: number, seed: string): Promise<void> {
  const logs = simulateLearner({ reviews, seed, start: new Date("2025-01-06T08:00:00Z") });
  const cards = Math.max(...logs.map((l) => l.card)) + 1;
  const doc = await db.document.create({ data: { ownerId: userId, title: "History", text: "x", contentHash: `history-${++seq}` }, select: { id: true } });
  const p = `${seq}-`;
  await db.fact.createMany({ data: Array.from({ length: cards }, (_, i) => ({ id: `f${p}${i}`, documentId: doc.id, key: `f${i}`, kind: "date", answer: "a", sentence: "s", start: 0, end: 1, position: i })) });
  await db.card.createMany({
    data: Array.from({ length: cards }, (_, i) => ({ id: `c${p}${i}`, documentId: doc.id, factId: `f${p}${i}`, key: `c${i}`, type: "cloze", prompt: "p", answer: "a", trueStatement: "s", position: i })),
  });
  for (let i = 0; i < logs.length; i += 5_000) {
    await db.reviewLog.createMany({
      data: logs.slice(i, i + 5_000).map(({ card, ...l }) => ({ ...l, userId, cardId: `c${p}${card}`, durationMs: 3000, source: card % 7 === 0 ? "quiz" : "review" })),
    });
  }
}

const paramsOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { fsrsParams: true } })).fsrsParams;

let alice: string;
let bob: string;

beforeAll(async () => {
  alice = await makeUser("alice");
  bob = await makeUser("bob");
  await seedHistory(alice, 3_000, "alice");
  await seedHistory(bob, 37, "bob");
});

beforeEach(() => {
  session.userId = null;
});

describe("the optimizer", () => {
  it("says how many reviews there are and how many it needs when the history is too short", async () => {
    expect(await startOptimizerJob(bob)).toEqual({ ok: false, reason: "not-enough", reviews: 37, needed: 400 });
    const { startOptimizerAction } = await import("@/app/(app)/settings/actions");
    session.userId = bob;
    expect(await startOptimizerAction()).toEqual({ error: "You have 37 reviews; the optimizer needs at least 400." });
    expect(await getOptimizerJob(bob)).toBeNull();
  });

  it("fits a synthetic learner's history better than the defaults, and saves only when asked", async () => {
    const started = await startOptimizerJob(alice);
    expect(started).toMatchObject({ ok: true, job: { status: "running" } });
    await optimizerJobSettled(alice);
    const job = (await getOptimizerJob(alice))!;
    expect(job.status).toBe("done");
    expect(job.reviews).toBe(3_000);
    const r = job.result!;
    expect(r.params).toHaveLength(21);
    // "In use now" is the defaults, scored on this user's own reviews.
    const { items } = await loadOptimizerItems(alice);
    expect(r.items).toBe(items.length);
    expect(r.current.logLoss).toBeCloseTo(evaluate(paramsInUse(DEFAULT_SETTINGS), toBindingItems(items))!.logLoss, 8);
    expect(r.proposed.logLoss).toBeLessThan(r.current.logLoss);
    expect(r.heldOut!.proposed.logLoss).toBeLessThan(r.heldOut!.current.logLoss);
    expect(r.better).toBe(true);
    expect(await paramsOf(alice)).toBeNull(); // nothing is stored until the learner saves

    const { saveOptimizedParamsAction } = await import("@/app/(app)/settings/actions");
    session.userId = bob;
    expect(await saveOptimizedParamsAction({ force: true })).toEqual({ error: expect.stringMatching(/no finished optimizer run/) });
    expect(await paramsOf(bob)).toBeNull();

    session.userId = alice;
    expect(await saveOptimizedParamsAction({ force: false })).toEqual({ saved: true, changed: true });
    expect(JSON.parse((await paramsOf(alice))!)).toEqual(r.params);
    expect(await paramsOf(bob)).toBeNull();
  });

  it("keeps the parameters in use when a new run finds nothing better, unless the learner insists", async () => {
    const inUse = await paramsOf(alice);
    expect(inUse).not.toBeNull();
    await startOptimizerJob(alice);
    await optimizerJobSettled(alice);
    const r = (await getOptimizerJob(alice))!.result!;
    expect(r.better).toBe(false);
    const { saveOptimizedParamsAction } = await import("@/app/(app)/settings/actions");
    session.userId = alice;
    expect(await saveOptimizedParamsAction({ force: false })).toEqual({ error: expect.stringMatching(/not predict your reviews better/) });
    expect(await saveOptimizedParamsAction({ force: true })).toMatchObject({ saved: true });
    expect(await paramsOf(alice)).toBe(JSON.stringify(r.params));
  });

  it("runs one job per user, which no other user can see or cancel", async () => {
    const { GET } = await import("@/app/(app)/settings/optimizer/route");
    const { cancelOptimizerAction } = await import("@/app/(app)/settings/actions");
    await db.user.update({ where: { id: alice }, data: { fsrsParams: null } });
    const first = await startOptimizerJob(alice);
    const second = await startOptimizerJob(alice);
    expect(first.ok && second.ok && second.job.id === first.job.id).toBe(true);

    session.userId = bob;
    expect(await (await GET()).json()).toEqual({ job: null });
    expect(await cancelOptimizerAction()).toEqual({ cancelled: false });
    expect(await cancelOptimizerJob(bob)).toBe(false);

    session.userId = alice;
    const mine = (await (await GET()).json()) as { job: { id: string } };
    expect(mine.job.id).toBe(first.ok ? first.job.id : "");
    await optimizerJobSettled(alice);
    expect((await getOptimizerJob(alice))!.status).toBe("done");

    session.userId = null;
    expect((await GET()).status).toBe(401);
  });

  it("stops a cancelled run promptly and throws its result away", async () => {
    const carol = await makeUser("carol");
    await seedHistory(carol, 20_000, "carol");
    await startOptimizerJob(carol);
    // Wait until training is under way, so the cancel has to stop fsrs-rs itself.
    for (let i = 0; i < 600 && (await getOptimizerJob(carol))!.phase === "loading"; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await getOptimizerJob(carol))!.phase).toBe("fitting");
    const { cancelOptimizerAction } = await import("@/app/(app)/settings/actions");
    session.userId = carol;
    const t = performance.now();
    expect(await cancelOptimizerAction()).toEqual({ cancelled: true });
    await optimizerJobSettled(carol);
    // fsrs-rs stops at its next poll (20 ms); the rest of a run on 20,000 reviews takes over a second here.
    expect(performance.now() - t).toBeLessThan(700);
    const job = (await getOptimizerJob(carol))!;
    expect(job.status).toBe("cancelled");
    expect(job.result).toBeNull();
    expect(await paramsOf(carol)).toBeNull();
  });
});
