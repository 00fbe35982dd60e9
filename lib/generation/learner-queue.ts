/**
 * One learner's jobs run one at a time, in order; different learners' jobs
 * run side by side. With a pool of N workers, a learner who sends many
 * (or pathological) documents holds at most one worker, so the others stay
 * free for everyone else.
 *
 * Per process, on purpose: the pool it guards is per process too. With
 * RECALL_WORKERS=N a learner holds at most one worker thread in each process's
 * pool, which still leaves every pool free for others; a learner's two
 * documents sent at once to two processes run side by side, each within its
 * time budget (docs/decisions/012, "More than one process").
 */
export class LearnerQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `job` after the learner's earlier jobs have settled; resolves or rejects with the job. */
  run<T>(learnerId: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(learnerId) ?? Promise.resolve();
    const result = previous.then(job, job);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(learnerId, tail);
    void tail.then(() => {
      if (this.tails.get(learnerId) === tail) this.tails.delete(learnerId);
    });
    return result;
  }

  /** Learners with a job running or waiting. */
  get busyLearners(): number {
    return this.tails.size;
  }
}
