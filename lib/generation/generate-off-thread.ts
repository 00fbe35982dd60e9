import "server-only";
import os from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import type { Generated } from "@/lib/extract/types";
import { LearnerQueue } from "./learner-queue";
import type { GenerationTask } from "./worker-task";

// Card generation never runs on the request thread (docs/decisions/011): a
// Piscina pool of worker threads does it, one job per learner at a time, each
// with a time budget after which its worker is stopped.

/** How long one document may take to generate before it is stopped (ms). 200,000 characters take about 1 s. */
export const GENERATION_BUDGET_MS = 20_000;

export class GenerationTimeout extends Error {
  constructor(readonly budgetMs: number) {
    super(
      `Making cards from this text took longer than ${Math.round(budgetMs / 1000)} seconds, so it was stopped. ` +
        "Nothing was saved. Try a shorter text, or split it into several documents.",
    );
    this.name = "GenerationTimeout";
  }
}

let pool: Piscina<GenerationTask, Generated> | null = null;

function getPool(): Piscina<GenerationTask, Generated> {
  // At least two workers, so that one learner's long document (a learner has
  // one job at a time) never holds the only one; at most one per spare core.
  pool ??= new Piscina({
    filename: path.join(process.cwd(), "lib", "generation", "worker.cjs"),
    minThreads: 1,
    maxThreads: Math.max(2, Math.min(4, os.availableParallelism() - 1)),
    idleTimeout: 60_000,
  });
  return pool;
}

const queue = new LearnerQueue();

export interface GenerationOptions {
  /** Jobs of one learner run one at a time (default: a queue of their own). */
  learnerId?: string;
  /** Default GENERATION_BUDGET_MS. */
  budgetMs?: number;
}

/**
 * The same result as `generate(text, { publishedAt })`, computed on a worker
 * thread. Rejects with GenerationTimeout when the budget runs out (the worker
 * running it is terminated and replaced).
 */
export function generateOffThread(text: string, publishedAt: Date | null, opts: GenerationOptions = {}): Promise<Generated> {
  const budgetMs = opts.budgetMs ?? GENERATION_BUDGET_MS;
  const job = async () => {
    const signal = AbortSignal.timeout(budgetMs);
    try {
      return await getPool().run({ text, publishedAt: publishedAt?.toISOString() ?? null }, { signal });
    } catch (e) {
      if (signal.aborted) throw new GenerationTimeout(budgetMs);
      throw e;
    }
  };
  return opts.learnerId ? queue.run(opts.learnerId, job) : job();
}
