// The primary process of `npm start` with RECALL_WORKERS > 1 (scripts/serve.ts):
// it serves nothing itself. It forks the workers (node:cluster: each runs the
// same script and listens on the same port; the primary hands each new
// connection to one of them in turn), replaces a worker that dies
// (lib/workers.ts restartDelayMs), and on SIGTERM or SIGINT asks every worker
// to finish its requests in flight and exits once they have. Decision 012.
import cluster from "node:cluster";
import { restartDelayMs } from "../lib/workers";

export interface PrimaryOptions {
  workers: number;
  /** How long a worker may take to finish its requests after SIGTERM (ms); the primary waits 2 s more. */
  drainMs: number;
  log?: (line: string) => void;
}

/** Runs this process as the cluster's primary (call only when cluster.isPrimary). */
export function runPrimary({ workers, drainMs, log = console.log }: PrimaryOptions): void {
  let stopping = false;
  const deaths: number[] = [];
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    const delay = restartDelayMs(deaths, now);
    log(`[recall] worker ${worker.id} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); starting another${delay ? ` in ${delay / 1000} s` : ""}`);
    setTimeout(() => {
      if (!stopping) cluster.fork();
    }, delay);
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {});
    if (alive.length === 0) process.exit(0);
    for (const w of alive) w?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), drainMs + 2_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
