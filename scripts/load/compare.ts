// The measuring half of bench:load and bench:floor: capacity rounds (no think
// time) and a paced run (reviewers who look at each card), against one or
// more servers, with the CPU and memory of each server's processes.
import { createUsers, percentile, runReviewers, signIn, type RunStats, type Server, type ThinkTime } from "./harness";
import { sampleGroup } from "./process-stats";

export interface Target {
  name: string;
  server: Server;
}

export interface CapacityRound {
  requests: number;
  seconds: number;
  /** CPU of the server's process group per answered request (ms). */
  cpuMsPerRequest: number;
  stats: RunStats;
}

let batch = 0;

async function reviewers(target: Target, users: number, label: string): Promise<string[]> {
  const emails = await createUsers(users, `${label}-${target.name}-${++batch}`);
  const cookies: string[] = [];
  for (const e of emails) cookies.push(await signIn(target.server.url, e));
  return cookies;
}

/**
 * 100 (users) reviewers who never pause, each doing `cycles` next/grade
 * cycles: the server's capacity. `started` is called once they are signed in,
 * right before the measured part (bench:profile starts its profiler there).
 */
export async function capacityRound(target: Target, users: number, cycles: number, started?: () => void): Promise<CapacityRound> {
  const cookies = await reviewers(target, users, "capacity");
  started?.();
  const cpu0 = sampleGroup(target.server.pgid).cpuMs;
  const t = performance.now();
  const stats = await runReviewers(target.server.url, cookies, cycles, { deadline: Date.now() + 900_000 });
  const seconds = (performance.now() - t) / 1000;
  const cpuMs = sampleGroup(target.server.pgid).cpuMs - cpu0;
  const requests = stats.nextMs.length + stats.gradeMs.length;
  return { requests, seconds, cpuMsPerRequest: cpuMs / Math.max(1, requests), stats };
}

/** Reviewers who look at each card for the think time before grading it. */
export async function pacedRun(target: Target, users: number, cycles: number, think: ThinkTime): Promise<{ stats: RunStats; seconds: number }> {
  const cookies = await reviewers(target, users, "paced");
  const t = performance.now();
  const stats = await runReviewers(target.server.url, cookies, cycles, { deadline: Date.now() + 900_000, think });
  return { stats, seconds: (performance.now() - t) / 1000 };
}

export function describe(title: string, s: RunStats, seconds: number): string {
  const requests = s.nextMs.length + s.gradeMs.length;
  const fmt = (v: number[]) => `p50 ${percentile(v, 50).toFixed(1)} ms, p95 ${percentile(v, 95).toFixed(1)} ms, p99 ${percentile(v, 99).toFixed(1)} ms`;
  return [
    title,
    `  requests: ${requests} in ${seconds.toFixed(1)} s (${(requests / seconds).toFixed(0)} req/s); grades applied ${s.acks.length}, duplicates ${s.duplicates}, reviewers out of cards ${s.exhausted}`,
    `  next card: ${fmt(s.nextMs)}`,
    `  grade:     ${fmt(s.gradeMs)}`,
    `  errors: ${s.errors}`,
  ].join("\n");
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
