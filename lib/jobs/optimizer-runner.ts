import "server-only";
import { randomUUID } from "node:crypto";
import { parseSteps } from "@/lib/srs";
import { MIN_REVIEWS, NotEnoughHistory, OptimizerCancelled, optimizeParameters, paramsInUse } from "@/lib/srs/optimizer";
import { getUserSettings } from "@/lib/dal/users";
import {
  claimRun,
  countOptimizerReviews,
  findRun,
  finishRun,
  isLive,
  loadOptimizerItems,
  markRunCancelled,
  runView,
  writeRunProgress,
  type JobPhase,
  type JobStatus,
  type OptimizerJobView,
} from "@/lib/dal/optimizer-runs";

// The in-process runner of "Optimize my parameters": the fit is CPU work in
// the binding and runs on the instance that started it. That instance writes
// the phase and progress to the run's row (lib/dal/optimizer-runs.ts) a few
// times a second, each write refreshing its heartbeat; the same write is
// conditional on the row still being its running run, so a cancel made on any
// instance stops it within one write interval. Decision 008.

// At most this many runs at once on an instance: each keeps a CPU busy for seconds.
const MAX_RUNNING = 2;
/** How often the running instance writes progress and heartbeat, and reads a cancel from the row. */
const SYNC_MS = 250;

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

export type StartOutcome =
  | { ok: true; job: OptimizerJobView }
  | { ok: false; reason: "not-enough"; reviews: number; needed: number }
  | { ok: false; reason: "busy" };

/**
 * Starts an optimizer run for the user, or returns the one already running on
 * any instance. The row is claimed with one conditional write (claimRun), so
 * two starts anywhere give one run. "busy" when this instance already runs
 * MAX_RUNNING fits.
 */
export async function startOptimizerJob(userId: string): Promise<StartOutcome> {
  const runs = localRuns();
  let row = await findRun(userId);
  if (row && isLive(row, Date.now())) return { ok: true, job: runView(row) };
  const reviews = await countOptimizerReviews(userId);
  if (reviews < MIN_REVIEWS) return { ok: false, reason: "not-enough", reviews, needed: MIN_REVIEWS };

  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt > 0) row = await findRun(userId);
    if (row && isLive(row, Date.now())) return { ok: true, job: runView(row) };
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
    let claimed: boolean;
    try {
      claimed = await claimRun(userId, row, data);
    } catch (e) {
      runs.delete(local.id);
      throw e;
    }
    if (claimed) {
      local.settled = run(local, runs);
      return { ok: true, job: runView({ userId, ...data }, started.getTime()) };
    }
    runs.delete(local.id); // another start, here or on another instance, won: read what it wrote
  }
  throw new Error("could not start the optimizer: the user's run kept changing");
}

async function run(local: LocalRun, runs: Map<string, LocalRun>): Promise<void> {
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
    inFlight = writeRunProgress(local, { phase: local.phase, progress: local.progress })
      .then((mine) => {
        if (!mine) local.cancelled = true;
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
    await finishRun(local, data);
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

/**
 * Stops the user's running optimizer, from any instance: the row is marked
 * cancelled at once. On this instance the binding is told to stop at its next
 * progress poll (every 20 ms); on another, the instance running it reads the
 * cancel at its next progress write (SYNC_MS) and stops then. A result that
 * still arrives is thrown away (its write is conditional on a running row).
 */
export async function cancelOptimizerJob(userId: string): Promise<boolean> {
  const runs = localRuns();
  const cancelled = await markRunCancelled(userId);
  if (cancelled) {
    for (const local of runs.values()) if (local.userId === userId) local.cancelled = true;
  }
  return cancelled;
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
