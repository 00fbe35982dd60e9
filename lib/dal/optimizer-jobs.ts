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
import { getUserSettings } from "./users";
import { saveParameters } from "./settings";

// Optimizer runs live in this process's memory, one per user, keyed by the
// signed-in user's id: every function here takes that id and only ever reads
// or changes that user's entry. With several app instances, a run is visible
// only on the instance that started it (decision 008); a restart forgets runs,
// and the user simply starts another one.

export type JobStatus = "running" | "done" | "failed" | "cancelled";

interface Job {
  id: string;
  userId: string;
  status: JobStatus;
  phase: "loading" | OptimizerPhase;
  progress: number;
  startedAt: Date;
  finishedAt: Date | null;
  reviews: number;
  /** The user's stored weights when the run started: the result is compared with these. */
  comparedWith: string | null;
  result: OptimizeResult | null;
  error: string | null;
  saved: boolean;
  cancelled: boolean;
  settled: Promise<void>;
}

/** What the settings page shows of a run. */
export interface OptimizerJobView {
  id: string;
  status: JobStatus;
  phase: Job["phase"];
  progress: number;
  startedAt: string;
  finishedAt: string | null;
  reviews: number;
  result: Omit<OptimizeResult, "params"> & { params: number[] } | null;
  error: string | null;
  saved: boolean;
}

// At most this many runs at once on an instance: each keeps a CPU busy for seconds.
const MAX_RUNNING = 2;
const KEEP_FINISHED_MS = 60 * 60_000;

// On globalThis: Next bundles route handlers and server actions separately, and
// each bundle would otherwise get its own empty Map.
const store = globalThis as unknown as { recallOptimizerJobs?: Map<string, Job> };
const jobs: Map<string, Job> = (store.recallOptimizerJobs ??= new Map());

function prune(now = Date.now()): void {
  for (const [userId, job] of jobs) {
    if (job.finishedAt && now - job.finishedAt.getTime() > KEEP_FINISHED_MS) jobs.delete(userId);
  }
}

function view(job: Job): OptimizerJobView {
  return {
    id: job.id,
    status: job.status,
    phase: job.phase,
    progress: job.progress,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    reviews: job.reviews,
    result: job.result,
    error: job.error,
    saved: job.saved,
  };
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

/** Starts an optimizer run for the user, or returns the one already running. */
export async function startOptimizerJob(userId: string): Promise<StartOutcome> {
  prune();
  const existing = jobs.get(userId);
  if (existing?.status === "running") return { ok: true, job: view(existing) };
  const reviews = await countOptimizerReviews(userId);
  if (reviews < MIN_REVIEWS) return { ok: false, reason: "not-enough", reviews, needed: MIN_REVIEWS };
  if ([...jobs.values()].filter((j) => j.status === "running").length >= MAX_RUNNING) return { ok: false, reason: "busy" };
  // Checked again after the await above: a second click must not start a second run.
  const raced = jobs.get(userId);
  if (raced?.status === "running") return { ok: true, job: view(raced) };

  const job: Job = {
    id: randomUUID(),
    userId,
    status: "running",
    phase: "loading",
    progress: 0,
    startedAt: new Date(),
    finishedAt: null,
    reviews,
    comparedWith: null,
    result: null,
    error: null,
    saved: false,
    cancelled: false,
    settled: Promise.resolve(),
  };
  jobs.set(userId, job);
  job.settled = run(job);
  return { ok: true, job: view(job) };
}

async function run(job: Job): Promise<void> {
  const current = () => jobs.get(job.userId) === job && !job.cancelled;
  try {
    const settings = await getUserSettings(job.userId);
    job.comparedWith = settings.fsrsParams;
    const { reviews, items } = await loadOptimizerItems(job.userId);
    job.reviews = reviews;
    const result = await optimizeParameters(items, {
      currentParams: paramsInUse(settings),
      numRelearningSteps: parseSteps(settings.relearningSteps).length,
      isCancelled: () => !current(),
      onProgress: (fraction, phase) => {
        if (!current()) return;
        job.progress = fraction;
        job.phase = phase;
      },
    });
    if (!current()) return;
    job.result = result;
    job.progress = 1;
    job.status = "done";
  } catch (e) {
    if (!current() || e instanceof OptimizerCancelled) return;
    job.status = "failed";
    job.error = e instanceof NotEnoughHistory ? e.message : "The optimizer stopped with an error. Try again later.";
    if (!(e instanceof NotEnoughHistory)) console.error("[optimizer]", e);
  } finally {
    job.finishedAt ??= new Date();
  }
}

/** The user's current or last run, or null. */
export function getOptimizerJob(userId: string): OptimizerJobView | null {
  prune();
  const job = jobs.get(userId);
  return job ? view(job) : null;
}

/**
 * Stops the user's running optimizer: it is marked cancelled at once, and the
 * binding is told to stop at its next progress poll (every 20 ms); its
 * result, if it still arrives, is thrown away.
 */
export function cancelOptimizerJob(userId: string): boolean {
  const job = jobs.get(userId);
  if (!job || job.status !== "running") return false;
  job.cancelled = true;
  job.status = "cancelled";
  job.finishedAt = new Date();
  return true;
}

export type SaveOutcome = { ok: true; changed: boolean } | { ok: false; reason: "no-result" | "not-better" | "stale" };

/**
 * Stores the parameters of the user's finished run: only when they predict
 * better than the ones in use, unless the user insists (`force`). Refused if
 * the user's parameters changed since the run started: it compared against
 * other ones.
 */
export async function saveOptimizerResult(userId: string, opts: { force: boolean }): Promise<SaveOutcome> {
  const job = jobs.get(userId);
  if (!job || job.status !== "done" || !job.result) return { ok: false, reason: "no-result" };
  if (!job.result.better && !opts.force) return { ok: false, reason: "not-better" };
  const { fsrsParams } = await getUserSettings(userId);
  if (fsrsParams !== job.comparedWith && !job.saved) return { ok: false, reason: "stale" };
  const { changed } = await saveParameters(userId, job.result.params);
  job.saved = true;
  return { ok: true, changed };
}

/** Forgets the user's finished run (the page's "dismiss"). A running one must be cancelled first. */
export function dismissOptimizerJob(userId: string): void {
  if (jobs.get(userId)?.status !== "running") jobs.delete(userId);
}

/** Resolves once the user's current run has finished (tests and the benchmark wait on it). */
export async function optimizerJobSettled(userId: string): Promise<void> {
  await jobs.get(userId)?.settled;
}
