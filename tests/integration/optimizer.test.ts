import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { dismissOptimizerJob, getOptimizerJob, loadOptimizerItems, saveOptimizerResult, STOPPED_MESSAGE } from "@/lib/dal/optimizer-runs";
import { actAsOptimizerInstanceForTests, cancelOptimizerJob, optimizerJobSettled, startOptimizerJob } from "@/lib/jobs/optimizer-runner";
import { evaluate, paramsInUse, toBindingItems } from "@/lib/srs/optimizer";
import { simulateLearner } from "../support/simulated-learner";
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
let carol: string;

beforeAll(async () => {
  alice = await makeUser("alice");
  bob = await makeUser("bob");
  carol = await makeUser("carol");
  // A seed whose latest 20% the fit also predicts better (about 6 in 7 seeds do
  // since the simulated learner counts local days; "alice" became one that does not).
  await seedHistory(alice, 3_000, "a1");
  await seedHistory(bob, 37, "bob");
  // Long enough (over a second of fitting) to be cancelled mid-run.
  await seedHistory(carol, 20_000, "carol");
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
    await startOptimizerJob(carol);
    // Wait until training is under way, so the cancel has to stop fsrs-rs itself.
    for (let i = 0; i < 600 && (await getOptimizerJob(carol))!.phase === "loading"; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await getOptimizerJob(carol))!.phase).toBe("fitting");
    const { cancelOptimizerAction } = await import("@/app/(app)/settings/actions");
    session.userId = carol;
    expect(await cancelOptimizerAction()).toEqual({ cancelled: true });
    // How long the stop takes is a figure of npm run bench:optimizer (cancel_ms), not a test.
    await optimizerJobSettled(carol);
    const job = (await getOptimizerJob(carol))!;
    expect(job.status).toBe("cancelled");
    expect(job.result).toBeNull();
    expect(await paramsOf(carol)).toBeNull();
  });
});

const runRows = (userId: string) => db.optimizerRun.findMany({ where: { userId } });

// A run's state is in the database; the fit runs on the instance that started
// it. Each "instance" here is this process with its own registry of local runs
// (actAsOptimizerInstanceForTests): what one instance sees of another's run is
// only what the database holds.
describe("the optimizer across app instances", () => {
  it("shows and cancels, from another instance, a run started on one: the starting instance stops within a progress write", async () => {
    actAsOptimizerInstanceForTests("A");
    const started = await startOptimizerJob(carol);
    if (!started.ok) throw new Error("not started");
    const settledOnA = optimizerJobSettled(carol);

    actAsOptimizerInstanceForTests("B");
    // Progress written by A, read by B, until training is under way.
    for (let i = 0; i < 600 && (await getOptimizerJob(carol))!.phase === "loading"; i++) await new Promise((r) => setTimeout(r, 10));
    const seen = (await getOptimizerJob(carol))!;
    expect(seen).toMatchObject({ id: started.job.id, status: "running", phase: "fitting", reviews: 20_000 });
    // A start on B returns A's run.
    expect(await startOptimizerJob(carol)).toMatchObject({ ok: true, job: { id: started.job.id, status: "running" } });

    session.userId = carol;
    const { cancelOptimizerAction } = await import("@/app/(app)/settings/actions");
    expect(await cancelOptimizerAction()).toEqual({ cancelled: true });
    // A reads the cancel at its next progress write, then fsrs-rs stops at its next poll (bench:optimizer prints how long).
    await settledOnA;
    const job = (await getOptimizerJob(carol))!;
    expect(job).toMatchObject({ id: started.job.id, status: "cancelled", result: null });
    expect(await paramsOf(carol)).toBeNull();
    actAsOptimizerInstanceForTests("A");
    // A's instance forgot the run: nothing left running there.
    await optimizerJobSettled(carol);
    expect((await getOptimizerJob(carol))!.status).toBe("cancelled");
  });

  it("saves and dismisses, from another instance, the result of a run that finished on one", async () => {
    await db.user.update({ where: { id: alice }, data: { fsrsParams: null } });
    actAsOptimizerInstanceForTests("A");
    const started = await startOptimizerJob(alice);
    await optimizerJobSettled(alice);

    actAsOptimizerInstanceForTests("B");
    const { GET } = await import("@/app/(app)/settings/optimizer/route");
    const { saveOptimizedParamsAction, dismissOptimizerAction } = await import("@/app/(app)/settings/actions");
    session.userId = alice;
    const polled = (await (await GET()).json()) as { job: { id: string; status: string; result: { params: number[]; better: boolean } } };
    expect(polled.job).toMatchObject({ id: started.ok ? started.job.id : "", status: "done" });
    expect(polled.job.result.better).toBe(true);
    expect(await saveOptimizedParamsAction({ force: false })).toEqual({ saved: true, changed: true });
    expect(JSON.parse((await paramsOf(alice))!)).toEqual(polled.job.result.params);

    actAsOptimizerInstanceForTests("C");
    expect((await getOptimizerJob(alice))!.saved).toBe(true);
    await dismissOptimizerAction();
    actAsOptimizerInstanceForTests("A");
    expect(await getOptimizerJob(alice)).toBeNull();
    expect(await runRows(alice)).toEqual([]);
  });

  it("starts one run when starts race on one instance and on others, whether or not the user had a row", async () => {
    for (const before of ["no row", "a finished row"]) {
      expect((await runRows(alice)).length).toBe(before === "no row" ? 0 : 1);
      const starts: Promise<Awaited<ReturnType<typeof startOptimizerJob>>>[] = [];
      for (const instance of ["A", "A", "B", "C"]) {
        actAsOptimizerInstanceForTests(instance);
        starts.push(startOptimizerJob(alice)); // each start takes its instance's registry before its first await
      }
      const outcomes = await Promise.all(starts);
      const ids = outcomes.map((o) => (o.ok ? o.job.id : o.reason));
      expect(new Set(ids).size).toBe(1); // every start got the same run: a second claim would have made a new id
      const rows = await runRows(alice);
      expect(rows.map((r) => r.id)).toEqual([ids[0]]);
      for (const instance of ["A", "B", "C"]) {
        actAsOptimizerInstanceForTests(instance);
        await optimizerJobSettled(alice);
      }
      expect(await getOptimizerJob(alice)).toMatchObject({ id: ids[0], status: "done" });
    }
  });

  it("reports a running row whose instance stopped as failed, and lets a new start take it over", async () => {
    actAsOptimizerInstanceForTests("A");
    const { GET } = await import("@/app/(app)/settings/optimizer/route");
    const base = { userId: alice, status: "running", phase: "fitting", progress: 0.3, startedAt: new Date(Date.now() - 90_000), reviews: 3_000 };

    // Refreshed a moment ago: alive on some other instance. A start here returns it.
    await db.optimizerRun.deleteMany({ where: { userId: alice } });
    await db.optimizerRun.create({ data: { ...base, id: "alive-elsewhere", heartbeatAt: new Date(Date.now() - 5_000) } });
    expect(await startOptimizerJob(alice)).toMatchObject({ ok: true, job: { id: "alive-elsewhere", status: "running" } });
    expect(await optimizerJobSettled(alice)).toBeUndefined();
    expect((await runRows(alice))[0]).toMatchObject({ id: "alive-elsewhere", status: "running" });

    // Its instance died: the heartbeat stopped 40 s ago.
    await db.optimizerRun.update({ where: { userId: alice }, data: { heartbeatAt: new Date(Date.now() - 40_000) } });
    const dead = (await getOptimizerJob(alice))!;
    expect(dead).toMatchObject({ id: "alive-elsewhere", status: "failed", error: STOPPED_MESSAGE, result: null });
    expect(STOPPED_MESSAGE).toBe("The server running the optimizer stopped; start it again.");
    session.userId = alice;
    expect(((await (await GET()).json()) as { job: { status: string } }).job.status).toBe("failed");
    expect(await cancelOptimizerJob(alice)).toBe(false); // nothing is running to cancel
    expect(await saveOptimizerResult(alice, { force: true })).toEqual({ ok: false, reason: "no-result" });

    const restarted = await startOptimizerJob(alice);
    expect(restarted).toMatchObject({ ok: true, job: { status: "running" } });
    expect(restarted.ok && restarted.job.id).not.toBe("alive-elsewhere");
    await optimizerJobSettled(alice);
    expect(await getOptimizerJob(alice)).toMatchObject({ id: restarted.ok ? restarted.job.id : "", status: "done", error: null });

    // A dead run can also be dismissed.
    await db.optimizerRun.update({ where: { userId: alice }, data: { status: "running", heartbeatAt: new Date(Date.now() - 40_000) } });
    await dismissOptimizerJob(alice);
    expect(await runRows(alice)).toEqual([]);
  });

  it("never shows or changes one user's run to another, on any instance", async () => {
    actAsOptimizerInstanceForTests("A");
    await db.user.update({ where: { id: alice }, data: { fsrsParams: null } });
    await startOptimizerJob(alice);
    const aliceRun = async () => (await runRows(alice))[0];
    const running = await aliceRun();

    actAsOptimizerInstanceForTests("B");
    const { GET } = await import("@/app/(app)/settings/optimizer/route");
    const actions = await import("@/app/(app)/settings/actions");
    session.userId = bob;
    expect(await (await GET()).json()).toEqual({ job: null });
    expect(await actions.cancelOptimizerAction()).toEqual({ cancelled: false });
    await actions.dismissOptimizerAction();
    expect(await actions.startOptimizerAction()).toEqual({ error: "You have 37 reviews; the optimizer needs at least 400." });
    expect(await aliceRun()).toMatchObject({ id: running.id, status: "running" });

    actAsOptimizerInstanceForTests("A");
    await optimizerJobSettled(alice);
    actAsOptimizerInstanceForTests("B");
    expect(await actions.saveOptimizedParamsAction({ force: true })).toEqual({ error: expect.stringMatching(/no finished optimizer run/) });
    await actions.dismissOptimizerAction();
    expect(await getOptimizerJob(bob)).toBeNull();
    expect(await aliceRun()).toMatchObject({ id: running.id, status: "done", saved: false });
    expect(await paramsOf(bob)).toBeNull();
    expect(await paramsOf(alice)).toBeNull();

    // And the other way: Bob's row (a finished run) is untouched by Alice's save and dismiss.
    await db.optimizerRun.create({
      data: { id: "bobs-run", userId: bob, status: "failed", phase: "loading", progress: 0, startedAt: new Date(), finishedAt: new Date(), heartbeatAt: new Date(), reviews: 37, error: "x" },
    });
    session.userId = alice;
    expect(await actions.saveOptimizedParamsAction({ force: true })).toMatchObject({ saved: true });
    await actions.dismissOptimizerAction();
    expect(await runRows(alice)).toEqual([]);
    expect(await runRows(bob)).toMatchObject([{ id: "bobs-run", status: "failed", saved: false }]);
    expect(await paramsOf(bob)).toBeNull();
  });
});
