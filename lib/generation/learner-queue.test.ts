import { describe, expect, it } from "vitest";
import { LearnerQueue } from "./learner-queue";

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("LearnerQueue", () => {
  it("runs one learner's jobs one at a time, in order, while another learner's job starts at once", async () => {
    const q = new LearnerQueue();
    const started: string[] = [];
    const a1 = deferred();
    const a2 = deferred();
    const b1 = deferred();
    const job = (name: string, d: { promise: Promise<void> }) => () => (started.push(name), d.promise);
    const pa1 = q.run("a", job("a1", a1));
    const pa2 = q.run("a", job("a2", a2));
    const pb1 = q.run("b", job("b1", b1));
    await tick();
    expect(started).toEqual(["a1", "b1"]);
    a1.resolve();
    await pa1;
    await tick();
    expect(started).toEqual(["a1", "b1", "a2"]);
    a2.resolve();
    b1.resolve();
    await Promise.all([pa2, pb1]);
    expect(q.busyLearners).toBe(0);
  });

  it("a failed job rejects its own caller only; the learner's next job still runs", async () => {
    const q = new LearnerQueue();
    const failed = q.run("a", async () => Promise.reject(new Error("stopped")));
    const next = q.run("a", async () => "ok");
    await expect(failed).rejects.toThrow("stopped");
    await expect(next).resolves.toBe("ok");
  });
});
