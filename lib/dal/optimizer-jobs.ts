import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { parseSteps } from "@/lib/srs";
import {
  MIN_REVIEWS,
  NotEnoughHistory,
  OptimizerCancelled,
  optimizeParameters,
  paramsInUse,
  toOptimizerItems,
  type OptimizeResult,
  type OptimizerItem,
  type OptimizerPhase,
} from "@/lib/srs/optimizer";
import { isUniqueViolation } from "./errors";
import { getUserSettings } from "./users";
import { saveParameters } from "./settings";

// Optimizer runs live in the database (OptimizerRun), one row per user, so
// that every app instance sees and controls the same run: a poll, a cancel, a
// save or a dismiss may land on any instance. Every query names the signed-in
// user's id and only ever reads or changes that user's row.
//
// The fit itself is CPU work in the binding and runs on the instance that
// started it. That instance writes the phase and progress to the row a few
// times a second, each write refreshing `heartbeatAt`; the same write is
// conditional on the row still being its running run, so a cancel made on any
// instance (status set to cancelled) stops it within one write interval. A
// running row whose heartbeat is older than STALE_MS belongs to an instance
// that died or restarted: it is shown as failed and a new start takes it over.
// Decision 008.

export type JobStatus = "running" | "done" | "failed" | "cancelled";
type JobPhase = "loading" | OptimizerPhase;

/** What the settings page shows of a run. */
export interface OptimizerJobView {
  id: string;
  status: JobStatus;
  phase: JobPhase;
  progress: number;
  startedAt: string;
  finishedAt: string | null;
  reviews: number;
  result: Omit<OptimizeResult, "params"> & { params: number[] } | null;
  error: string | null;
  saved: boolean;
}

interface RunRow {
  id: string;
  userId: string;
  status: string;
  phase: string;
  progress: number;
  startedAt: Date;
  finishedAt: Date | null;
  heartbeatAt: Date;
  reviews: number;
  comparedWith: string | null;
  result: string | null;
  error: string | null;
  saved: boolean;
}

// At most this many runs at once on an instance: each keeps a CPU busy for seconds.
const MAX_RUNNING = 2;
const KEEP_FINISHED_MS = 60 * 60_000;
/** How often the running instance writes progress and heartbeat, and reads a cancel from the row. */
const SYNC_MS = 250;
/** A running row not refreshed for this long belongs to an instance that stopped. */
const STALE_MS = 30_000;
export const STOPPED_MESSAGE = "The server running the optimizer stopped; start it again.";

/** A run executing on this instance. */
interface LocalRun {
  id: string;
  userId: string;
  phase: JobPhase;
  progress: number;
  /** Cancelled here, or seen cancelled (or taken over) in the row. */
  cancelled: boolean;
  settled: Promise<void>;
}

// This instance's runs, by run id: for MAX_RUNNING, an immediate local cancel,
// and waiting on a run (tests, benchmark). On globalThis: Next bundles route
// handlers and server actions separately, and each bundle would otherwise get
// its own empty Map. The state every instance reads is the database row.
const store = globalThis as unknown as { recallOptimizerRuns?: { active: Map<string, LocalRun>; instances: Map<string, Map<string, LocalRun>> } };
const registry = (store.recallOptimizerRuns ??= { active: new Map(), instances: new Map() });

const localRuns = (): Map<string, LocalRun> => registry.active;

const isLive = (row: Pick<RunRow, "status" | "heartbeatAt">, now: number) => row.status === "running" && now - row.heartbeatAt.getTime() <= STALE_MS;
const staleBefore = (now: number) => new Date(now - STALE_MS);

function view(row: RunRow, now = Date.now()): OptimizerJobView {
  const dead = row.status === "running" && !isLive(row, now);
  return {
    id: row.id,
    status: dead ? "failed" : (row.status as JobStatus),
    phase: row.phase as JobPhase,
    progress: row.progress,
    startedAt: row.startedAt.toISOString(),
    finishedAt: (dead ? row.heartbeatAt : row.finishedAt)?.toISOString() ?? null,
    reviews: row.reviews,
    result: row.result ? (JSON.parse(row.result) as OptimizeResult) : null,
    error: dead ? STOPPED_MESSAGE : row.error,
    saved: row.saved,
  };
}

/** The user's row, or null when there is none or it finished over an hour ago (forgotten). */
async function readRun(userId: string, now = Date.now()): Promise<RunRow | null> {
  const row = await db.optimizerRun.findUnique({ where: { userId } });
  if (!row) return null;
  const ended = row.finishedAt ?? (isLive(row, now) ? null : row.heartbeatAt);
  return ended && now - ended.getTime() > KEEP_FINISHED_MS ? null : row;
}

/** Reviews the optimizer can learn from: the user's graded reviews, from review sessions and quizzes. */
export async function countOptimizerReviews(userId: string): Promise<number> {
  return db.reviewLog.count({ where: { userId, rating: { gte: 1, lte: 4 } } });
}

/** The user's review log as optimizer items (the app path the benchmark measures). */
export async function loadOptimizerItems(userId: string): Promise<{ reviews: number; items: OptimizerItem[] }> {
  // Plain SQL that SQLite and PostgreSQL both accept: the optimizer reads a
  // learner's whole log, and Prisma's per-row mapping of findMany doubled the
  // time of that read (10,000 rows: ~60 ms against ~30 ms; scripts/bench-optimizer.ts).
  const rows = await db.$queryRaw<{ cardId: string; rating: number | bigint; state: number | bigint; review: Date | string | number; day: string }[]>`
    SELECT "cardId", "rating", "state", "review", "day" FROM "ReviewLog"
    WHERE "userId" = ${userId} AND "rating" BETWEEN 1 AND 4
    ORDER BY "review", "id"`;
  const logs = rows.map((r) => ({ cardId: r.cardId, rating: Number(r.rating), state: Number(r.state), review: new Date(r.review), day: r.day }));
  return { reviews: logs.length, items: toOptimizerItems(logs) };
}

export type StartOutcome =
  | { ok: true; job: OptimizerJobView }
  | { ok: false; reason: "not-enough"; reviews: number; needed: number }
  | { ok: false; reason: "busy" };

/**
 * Starts an optimizer run for the user, or returns the one already running on
 * any instance. The row is claimed with one conditional write (an insert,
 * refused by the unique userId, or an update only if the row read is still
 * not a live run), so two starts anywhere give one run.
 */
export async function startOptimizerJob(userId: string): Promise<StartOutcome> {
  const runs = localRuns();
  let row = await db.optimizerRun.findUnique({ where: { userId } });
  if (row && isLive(row, Date.now())) return { ok: true, job: view(row) };
  const reviews = await countOptimizerReviews(userId);
  if (reviews < MIN_REVIEWS) return { ok: false, reason: "not-enough", reviews, needed: MIN_REVIEWS };

  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt > 0) row = await db.optimizerRun.findUnique({ where: { userId } });
    if (row && isLive(row, Date.now())) return { ok: true, job: view(row) };
    if ([...runs.values()].filter((r) => !r.cancelled).length >= MAX_RUNNING) return { ok: false, reason: "busy" };

    // Registered before the claim's await, so that this instance's limit holds for starts racing here.
    const local: LocalRun = { id: randomUUID(), userId, phase: "loading", progress: 0, cancelled: false, settled: Promise.resolve() };
    runs.set(local.id, local);
    const started = new Date();
    const data = {
      id: local.id,
      status: "running",
      phase: "loading",
      progress: 0,
      startedAt: started,
      finishedAt: null,
      heartbeatAt: started,
      reviews,
      comparedWith: null,
      result: null,
      error: null,
      saved: false,
    };
    let claimed = false;
    try {
      if (!row) {
        await db.optimizerRun.create({ data: { userId, ...data } });
        claimed = true;
      } else {
        // Only the row that was read, and only if it is still not a live run.
        const { count } = await db.optimizerRun.updateMany({
          where: { userId, id: row.id, OR: [{ status: { not: "running" } }, { heartbeatAt: { lt: staleBefore(Date.now()) } }] },
          data,
        });
        claimed = count === 1;
      }
    } catch (e) {
      if (!isUniqueViolation(e)) {
        runs.delete(local.id);
        throw e;
      }
    }
    if (claimed) {
      local.settled = run(local, runs);
      return { ok: true, job: view({ userId, ...data }, started.getTime()) };
    }
    runs.delete(local.id); // another start, here or on another instance, won: read what it wrote
  }
  throw new Error("could not start the optimizer: the user's run kept changing");
}

async function run(local: LocalRun, runs: Map<string, LocalRun>): Promise<void> {
  const mine = { userId: local.userId, id: local.id, status: "running" };
  // Progress and heartbeat, written only while the row is still this running
  // run: a write that changes nothing means it was cancelled (or taken over) elsewhere.
  let inFlight: Promise<void> | null = null;
  let again = false;
  const sync = (): void => {
    if (local.cancelled) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = db.optimizerRun
      .updateMany({ where: mine, data: { phase: local.phase, progress: local.progress, heartbeatAt: new Date() } })
      .then(({ count }) => {
        if (count === 0) local.cancelled = true;
      })
      .catch((e) => console.error("[optimizer] progress", e))
      .finally(() => {
        inFlight = null;
        if (again) {
          again = false;
          sync();
        }
      });
  };
  const timer = setInterval(sync, SYNC_MS);
  timer.unref?.();
  const settle = async (data: { status: JobStatus; error?: string; result?: string; comparedWith?: string | null; progress?: number }) => {
    clearInterval(timer);
    again = false;
    await inFlight;
    if (local.cancelled) return;
    await db.optimizerRun.updateMany({ where: mine, data: { ...data, finishedAt: new Date(), heartbeatAt: new Date() } });
  };

  try {
    const settings = await getUserSettings(local.userId);
    const { items } = await loadOptimizerItems(local.userId);
    const result = await optimizeParameters(items, {
      currentParams: paramsInUse(settings),
      numRelearningSteps: parseSteps(settings.relearningSteps).length,
      isCancelled: () => local.cancelled,
      onProgress: (fraction, phase) => {
        if (local.cancelled) return;
        local.progress = fraction;
        // A new phase is written at once (three per run); progress within one waits for the timer.
        if (phase !== local.phase) {
          local.phase = phase;
          sync();
        }
      },
    });
    await settle({ status: "done", result: JSON.stringify(result), comparedWith: settings.fsrsParams, progress: 1 });
  } catch (e) {
    if (local.cancelled || e instanceof OptimizerCancelled) return;
    if (!(e instanceof NotEnoughHistory)) console.error("[optimizer]", e);
    await settle({ status: "failed", error: e instanceof NotEnoughHistory ? e.message : "The optimizer stopped with an error. Try again later." }).catch((err) =>
      console.error("[optimizer]", err),
    );
  } finally {
    clearInterval(timer);
    runs.delete(local.id);
  }
}

/** The user's current or last run (on whichever instance it ran), or null. */
export async function getOptimizerJob(userId: string): Promise<OptimizerJobView | null> {
  const now = Date.now();
  const row = await readRun(userId, now);
  return row ? view(row, now) : null;
}

/**
 * Stops the user's running optimizer, from any instance: the row is marked
 * cancelled at once. On this instance the binding is told to stop at its next
 * progress poll (every 20 ms); on another, the instance running it reads the
 * cancel at its next progress write (SYNC_MS) and stops then. A result that
 * still arrives is thrown away (its write is conditional on a running row).
 */
export async function cancelOptimizerJob(userId: string): Promise<boolean> {
  const runs = localRuns();
  const now = new Date();
  const { count } = await db.optimizerRun.updateMany({
    where: { userId, status: "running", heartbeatAt: { gte: staleBefore(now.getTime()) } },
    data: { status: "cancelled", finishedAt: now },
  });
  if (count === 1) {
    for (const local of runs.values()) if (local.userId === userId) local.cancelled = true;
  }
  return count === 1;
}

export type SaveOutcome = { ok: true; changed: boolean } | { ok: false; reason: "no-result" | "not-better" | "stale" };

/**
 * Stores the parameters of the user's finished run: only when they predict
 * better than the ones in use, unless the user insists (`force`). Refused if
 * the user's parameters changed since the run started: it compared against
 * other ones.
 */
export async function saveOptimizerResult(userId: string, opts: { force: boolean }): Promise<SaveOutcome> {
  const row = await readRun(userId);
  if (!row || row.status !== "done" || !row.result) return { ok: false, reason: "no-result" };
  const result = JSON.parse(row.result) as OptimizeResult;
  if (!result.better && !opts.force) return { ok: false, reason: "not-better" };
  const { fsrsParams } = await getUserSettings(userId);
  if (fsrsParams !== row.comparedWith && !row.saved) return { ok: false, reason: "stale" };
  const { changed } = await saveParameters(userId, result.params);
  await db.optimizerRun.updateMany({ where: { userId, id: row.id }, data: { saved: true } });
  return { ok: true, changed };
}

/** Forgets the user's finished run (the page's "dismiss"). A running one must be cancelled first. */
export async function dismissOptimizerJob(userId: string): Promise<void> {
  await db.optimizerRun.deleteMany({ where: { userId, OR: [{ status: { not: "running" } }, { heartbeatAt: { lt: staleBefore(Date.now()) } }] } });
}

/** Resolves once the user's runs on this instance have finished (tests and the benchmark wait on it). */
export async function optimizerJobSettled(userId: string): Promise<void> {
  await Promise.all([...localRuns().values()].filter((r) => r.userId === userId).map((r) => r.settled));
}

/**
 * Tests only: makes this process act as the app instance `name` (its own
 * registry of local runs, empty at first), to show that a run started on one
 * instance is seen and controlled through another. Runs already started keep
 * going under the instance that started them.
 */
export function actAsOptimizerInstanceForTests(name: string): void {
  if (process.env.NODE_ENV === "production") throw new Error("actAsOptimizerInstanceForTests is for tests only");
  let runs = registry.instances.get(name);
  if (!runs) registry.instances.set(name, (runs = new Map()));
  registry.active = runs;
}
