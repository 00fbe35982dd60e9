import os from "node:os";
import type { ServerEnv } from "./env";

// How many serving processes scripts/serve.ts runs (RECALL_WORKERS), and how
// soon it replaces one that died. Docs: decision 012, "More than one process".

/**
 * The number of serving processes for a RECALL_WORKERS setting: the number
 * itself, or for "auto" one per core (`cores`, default os.availableParallelism()).
 * The development server always runs one (`dev`): Next's dev server compiles
 * on demand and watches files, once per process.
 */
export function workerCount(setting: ServerEnv["RECALL_WORKERS"], opts: { dev?: boolean; cores?: number } = {}): number {
  if (opts.dev) return 1;
  return setting === "auto" ? Math.max(1, opts.cores ?? os.availableParallelism()) : setting;
}

/** Crashes within this window (ms) count towards the restart delay. */
export const CRASH_WINDOW_MS = 60_000;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * How long to wait before replacing a worker that died, given the times (ms)
 * at which workers died, the last one included: at once for the first three
 * within CRASH_WINDOW_MS of `now`, then 1, 2, 4 … s, at most 30 s, so that a
 * worker that dies on start (a bad build, a database that refuses) does not
 * spin the machine.
 */
export function restartDelayMs(deaths: number[], now: number): number {
  const recent = deaths.filter((t) => now - t <= CRASH_WINDOW_MS).length;
  return recent <= 3 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** (recent - 4));
}
