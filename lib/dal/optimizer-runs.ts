import "server-only";
import { db } from "@/lib/db";
import { toOptimizerItems, type OptimizeResult, type OptimizerItem, type OptimizerPhase } from "@/lib/srs/optimizer";
import { isUniqueViolation } from "./errors";
import { getUserSettings } from "./users";
import { saveParameters } from "./settings";

// Optimizer runs live in the database (OptimizerRun), one row per user, so
// that every app instance sees and controls the same run: a poll, a cancel, a
// save or a dismiss may land on any instance. Every query names the signed-in
// user's id and only ever reads or changes that user's row. The fit itself
// runs in lib/jobs/optimizer-runner.ts on the instance that started it, which
// refreshes `heartbeatAt` with each progress write; a running row whose
// heartbeat is older than STALE_MS belongs to an instance that died or
// restarted: it is shown as failed and a new start takes it over. Decision 008.

export type JobStatus = "running" | "done" | "failed" | "cancelled";
export type JobPhase = "loading" | OptimizerPhase;

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

export interface RunRow {
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

const KEEP_FINISHED_MS = 60 * 60_000;
/** A running row not refreshed for this long belongs to an instance that stopped. */
const STALE_MS = 30_000;
export const STOPPED_MESSAGE = "The server running the optimizer stopped; start it again.";

/** True for a running row whose instance refreshed it within STALE_MS of `now` (ms). */
export const isLive = (row: Pick<RunRow, "status" | "heartbeatAt">, now: number) => row.status === "running" && now - row.heartbeatAt.getTime() <= STALE_MS;
const staleBefore = (now: number) => new Date(now - STALE_MS);

/** The page's view of a row at `now` (ms): a running row that went stale is shown as failed. */
export function runView(row: RunRow, now = Date.now()): OptimizerJobView {
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

/** The user's run row as stored, whatever its age, or null. */
export async function findRun(userId: string): Promise<RunRow | null> {
  return db.optimizerRun.findUnique({ where: { userId } });
}

/** The user's row, or null when there is none or it finished over an hour ago (forgotten). */
async function readRun(userId: string, now = Date.now()): Promise<RunRow | null> {
  const row = await findRun(userId);
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

/**
 * Claims the user's row for a new running run `data` (its id, start time,
 * review count) with one conditional write: an insert when `read` is null
 * (refused by the unique userId if another start inserted first), otherwise an
 * update of the row that was read, only if it is still not a live run. True
 * when this start won; false when another start, on any instance, did.
 */
export async function claimRun(userId: string, read: RunRow | null, data: Omit<RunRow, "userId">): Promise<boolean> {
  try {
    if (!read) {
      await db.optimizerRun.create({ data: { userId, ...data } });
      return true;
    }
    const { count } = await db.optimizerRun.updateMany({
      where: { userId, id: read.id, OR: [{ status: { not: "running" } }, { heartbeatAt: { lt: staleBefore(Date.now()) } }] },
      data,
    });
    return count === 1;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

/**
 * Writes a running run's phase and progress (0–1) and refreshes its heartbeat,
 * only while the row is still that running run. False when the write changed
 * nothing: the run was cancelled (or taken over) elsewhere.
 */
export async function writeRunProgress(run: { userId: string; id: string }, progress: { phase: JobPhase; progress: number }): Promise<boolean> {
  const { count } = await db.optimizerRun.updateMany({
    where: { userId: run.userId, id: run.id, status: "running" },
    data: { ...progress, heartbeatAt: new Date() },
  });
  return count === 1;
}

/** Records how a run ended, only while the row is still that running run (a cancelled run's late result is dropped). */
export async function finishRun(
  run: { userId: string; id: string },
  data: { status: JobStatus; error?: string; result?: string; comparedWith?: string | null; progress?: number },
): Promise<void> {
  await db.optimizerRun.updateMany({ where: { userId: run.userId, id: run.id, status: "running" }, data: { ...data, finishedAt: new Date(), heartbeatAt: new Date() } });
}

/** Marks the user's live running run cancelled, from any instance. True when there was one. */
export async function markRunCancelled(userId: string): Promise<boolean> {
  const now = new Date();
  const { count } = await db.optimizerRun.updateMany({
    where: { userId, status: "running", heartbeatAt: { gte: staleBefore(now.getTime()) } },
    data: { status: "cancelled", finishedAt: now },
  });
  return count === 1;
}

/** The user's current or last run (on whichever instance it ran), or null. */
export async function getOptimizerJob(userId: string): Promise<OptimizerJobView | null> {
  const now = Date.now();
  const row = await readRun(userId, now);
  return row ? runView(row, now) : null;
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
